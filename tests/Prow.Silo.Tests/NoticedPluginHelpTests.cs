using System.Text.Json;

namespace Prow.Silo.Tests;

/// <summary>golint and project do less here than in Prow; their help says so, as their load-time notices do.</summary>
public sealed class NoticedPluginHelpTests
{
    [Fact]
    public async Task PluginHelp_OfGolintAndProject_SaysWhatTheyDoHere()
    {
        await using var host = await PluginTestHost.StartAsync("", "golint, project");

        var help = JsonDocument.Parse(await host.Prow.Client.GetStringAsync("/plugin-help.js")).RootElement.GetProperty("PluginHelp");

        var golint = help.GetProperty("golint").GetProperty("Description").GetString();
        Assert.Contains("runs a golint binary found on prow's PATH", golint, StringComparison.Ordinal);
        Assert.Matches("No golint is on the PATH of this prow now, so /lint answers that it cannot lint\\.|It runs /.+golint\\.", golint);
        Assert.Equal(["/lint"], Usages(help, "golint"));

        Assert.Equal("Does nothing: GitHub no longer serves Projects (classic).", help.GetProperty("project").GetProperty("ShortDescription").GetString());
        Assert.Contains("Here it does nothing", help.GetProperty("project").GetProperty("Description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Anyone (it changes nothing).", help.GetProperty("project").GetProperty("Commands")[0].GetProperty("WhoCanUse").GetString());
    }

    private static List<string?> Usages(JsonElement help, string plugin) =>
        [.. help.GetProperty(plugin).GetProperty("Commands").EnumerateArray().Select(c => c.GetProperty("Usage").GetString())];
}
