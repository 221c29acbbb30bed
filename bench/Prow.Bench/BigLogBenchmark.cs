using System.Diagnostics;
using System.Text.Json;

namespace Prow.Bench;

/// <summary>
/// One job view of a big build log, on the real <c>prow</c> process: a periodic writes a log of the given size on the
/// local build cluster, then its page is requested; the time until the last byte of the answer and how far the
/// process's resident memory rose (the kernel's high-water mark, reset before each view) are reported.
/// </summary>
internal static class BigLogBenchmark
{
    private const int Views = 3;
    private const int LineLength = 68;

    public static async Task RunAsync(string folder, int megabytes)
    {
        var lines = megabytes * 1_000_000L / LineLength;
        var config = Path.Combine(folder, "biglog-config.yaml");
        await File.WriteAllTextAsync(config, "prowjob_namespace: default\n");
        var jobs = Directory.CreateDirectory(Path.Combine(folder, "biglog-jobs")).FullName;
        // A line of 68 bytes (newline included), an error in the middle, as a failing test leaves it.
        await File.WriteAllTextAsync(Path.Combine(jobs, "periodics.yaml"), $$"""
            periodics:
            - name: big-log
              interval: 24h
              spec:
                containers:
                - image: alpine
                  command: ["sh", "-c", "yes 'ok    a line of build output, much like every other line here.' | head -n {{lines / 2}}; echo 'ERROR: the widget broke'; yes 'ok    a line of build output, much like every other line here.' | head -n {{lines / 2}}"]
            """);
        using var prow = ProwProcess.Start(folder, "biglog", "--config-path", config, "--job-config-path", jobs);
        try
        {
            var address = await ProwProcess.ListeningAsync(prow);
            using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(10) };
            var id = await FinishedJobAsync(client, "big-log");
            await client.GetStringAsync("/");
            await Task.Delay(TimeSpan.FromSeconds(5));
            Measure.Report($"job view of a {megabytes} MB build log", "");
            for (var i = 0; i < Views; i++)
            {
                var before = ProwProcess.Status(prow.Id, "VmRSS");
                await File.WriteAllTextAsync($"/proc/{prow.Id}/clear_refs", "5");
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync($"/view/{id}", HttpCompletionOption.ResponseHeadersRead);
                var body = await response.Content.ReadAsByteArrayAsync();
                var elapsed = Measure.ElapsedMs(started);
                var peak = ProwProcess.Status(prow.Id, "VmHWM");
                Measure.Report(
                    $"  view {i + 1}: {(int)response.StatusCode}",
                    $"last byte after {elapsed:N0} ms, {body.Length / 1024:N0} KB of HTML, peak RSS growth {Math.Max(0, peak - before) / 1024:N0} MB");
            }
        }
        finally
        {
            prow.Kill(entireProcessTree: true);
            await prow.WaitForExitAsync();
        }
    }

    /// <summary>Waits for the job's first run to end, reading <c>/prowjobs.js</c>; its ProwJob id.</summary>
    private static async Task<string> FinishedJobAsync(HttpClient client, string job)
    {
        var deadline = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(deadline) < TimeSpan.FromMinutes(5))
        {
            using var doc = JsonDocument.Parse(await client.GetStringAsync("/prowjobs.js"));
            foreach (var item in doc.RootElement.GetProperty("items").EnumerateArray())
            {
                if (item.GetProperty("spec").GetProperty("job").GetString() == job
                    && item.GetProperty("status").TryGetProperty("completionTime", out _))
                {
                    return item.GetProperty("metadata").GetProperty("name").GetString()!;
                }
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"{job} did not finish in 5 minutes");
    }
}
