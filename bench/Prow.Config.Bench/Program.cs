using System.Diagnostics;
using System.Globalization;
using Prow.Config;

// Loads the largest conformance corpus (kubevirt_project-infra) repeatedly: warm-up, then timed runs.
var root = FindCorpus();
var corpus = Path.Combine(root, "kubevirt_project-infra");
var paths = new ConfigPaths(
    Path.Combine(corpus, "config.yaml"), Path.Combine(corpus, "jobs"), Path.Combine(corpus, "plugins.yaml"));
var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
const int WarmUp = 3;

for (var i = 0; i < WarmUp; i++)
{
    Check(ConfigLoader.Load(paths));
}

var samples = new List<double>(iterations);
var process = System.Diagnostics.Process.GetCurrentProcess();
var cpuBefore = process.TotalProcessorTime;
var allocatedBefore = GC.GetTotalAllocatedBytes();
for (var i = 0; i < iterations; i++)
{
    var watch = Stopwatch.StartNew();
    var result = ConfigLoader.Load(paths);
    watch.Stop();
    Check(result);
    samples.Add(watch.Elapsed.TotalMilliseconds);
}

process.Refresh();
var cpuPerLoad = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / iterations;
var mbPerLoad = (GC.GetTotalAllocatedBytes() - allocatedBefore) / 1e6 / iterations;
samples.Sort();
var s = ConfigLoader.Load(paths).Snapshot!;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"kubevirt_project-infra: {s.Jobs.PresubmitCount} presubmits, {s.Jobs.PostsubmitCount} postsubmits, {s.Jobs.Periodics.Count} periodics"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"load x{iterations} (after {WarmUp} warm-up): mean {samples.Average():F1} ms, p50 {samples[samples.Count / 2]:F1} ms, max {samples[^1]:F1} ms"));
// CPU time is less disturbed than wall time when other work shares the machine.
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"per load: {cpuPerLoad:F1} ms CPU (all threads), {mbPerLoad:F0} MB allocated; {Environment.ProcessorCount} cores"));

static void Check(ConfigLoadResult result)
{
    if (!result.Succeeded)
    {
        throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors));
    }
}

static string FindCorpus()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")))
    {
        dir = dir.Parent;
    }

    return dir?.Parent is null
        ? throw new DirectoryNotFoundException("repository root not found")
        : Path.Combine(dir.FullName, "testdata", "conformance");
}
