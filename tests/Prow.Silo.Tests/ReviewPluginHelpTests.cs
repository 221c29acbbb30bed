using System.Text.Json;

namespace Prow.Silo.Tests;

public sealed class ReviewPluginHelpTests
{
    [Fact]
    public async Task PluginHelp_ListsEachReviewPlugin_WithItsCommands()
    {
        await using var host = await PluginTestHost.StartAsync("", "hold, wip, label, size, lifecycle, retitle, override, skip, needs-rebase, config-updater, slackevents",
            extraPluginsYaml: "size: {s: 5}\n");

        var help = JsonDocument.Parse(await host.Prow.Client.GetStringAsync("/plugin-help.js")).RootElement.GetProperty("PluginHelp");

        Assert.Equal(["config-updater", "hold", "label", "lifecycle", "needs-rebase", "override", "retitle", "size", "skip", "slackevents", "wip"], help.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["/hold [cancel]"], Usages(help, "hold"));
        Assert.Equal(["/[remove-](area|committee|kind|language|priority|sig|triage|wg|label) <target>"], Usages(help, "label"));
        Assert.Equal(["/close [not-planned]", "/reopen", "/[remove-]lifecycle <active|frozen|stale|rotten>"], Usages(help, "lifecycle"));
        Assert.Equal(["/retitle <title>"], Usages(help, "retitle"));
        Assert.Equal(["/override [context1] [context2]", "/override-sticky [context1] [context2]", "/override-cancel [context]"], Usages(help, "override"));
        Assert.Equal(["/skip"], Usages(help, "skip"));
        Assert.Equal("Repo administrators.", help.GetProperty("override").GetProperty("Commands")[0].GetProperty("WhoCanUse").GetString());
        Assert.StartsWith("size/XS: under 5 lines", help.GetProperty("size").GetProperty("Config").GetProperty("").GetString(), StringComparison.Ordinal);
        foreach (var name in new[] { "wip", "size", "needs-rebase", "config-updater", "slackevents" })
        {
            Assert.False(string.IsNullOrEmpty(help.GetProperty(name).GetProperty("Description").GetString()), name);
        }
    }

    private static List<string?> Usages(JsonElement help, string plugin) =>
        [.. help.GetProperty(plugin).GetProperty("Commands").EnumerateArray().Select(c => c.GetProperty("Usage").GetString())];
}
