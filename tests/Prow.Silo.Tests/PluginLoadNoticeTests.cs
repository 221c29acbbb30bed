using Prow.Grains.Plugins.Golint;
using Prow.Grains.Plugins.Project;
using Prow.Silo.Cli;
using Prow.TestKit;

namespace Prow.Silo.Tests;

/// <summary>golint and project do something other than Prow's here; every load says what, at the line enabling them.</summary>
public sealed class PluginLoadNoticeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task CheckConfig_NamesWhatGolintAndProjectDo_AtTheirLines()
    {
        var plugins = Path.Combine(_folder.Path, "plugins.yaml");
        await File.WriteAllTextAsync(plugins, "plugins:\n  org:\n    plugins:\n    - trigger\n    - golint\n  org/repo:\n    plugins: [project]\n");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await ProwCommandLine.InvokeAsync(["check-config", "--plugin-config", plugins], output, error);

        Assert.True(exit == 0, error.ToString());
        Assert.StartsWith("config OK, 2 warnings", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"{plugins}:5: plugins.org: {GolintPlugin.LoadNotice(GolintBinary.FromEnvironment.Find())}", error.ToString(), StringComparison.Ordinal);
        Assert.Contains($"{plugins}:7: plugins.org/repo: {ProjectPlugin.LoadNotice}", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void GolintNotice_SaysWhetherAGolintIsOnThePath()
    {
        using var standIn = GolintStandIn.Create();
        using var empty = new TempFolder();

        Assert.Contains($"runs {standIn.Binary} (found on prow's PATH)", GolintPlugin.LoadNotice(new GolintBinary(() => $"{empty.Path}:{standIn.PathVariable}").Find()), StringComparison.Ordinal);
        Assert.Contains("there is no golint on the PATH", GolintPlugin.LoadNotice(new GolintBinary(() => empty.Path).Find()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunningProw_NamesWhatGolintAndProjectDo_InItsLog()
    {
        var plugins = Path.Combine(_folder.Path, "plugins.yaml");
        await File.WriteAllTextAsync(plugins, "plugins:\n  org: [trigger, golint, project]\n");

        await using var prow = await ProwProcess.StartAsync(_folder.Path, "--plugin-config", plugins);

        await Poll.UntilAsync(() => prow.Output.Any(l => l.Contains($"{plugins}:2: plugins.org: {ProjectPlugin.LoadNotice}", StringComparison.Ordinal)));
        Assert.Contains(prow.Output, l => l.Contains($"{plugins}:2: plugins.org: plugin golint runs", StringComparison.Ordinal));
    }
}
