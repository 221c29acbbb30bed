using System.Text.Json;

namespace Prow.Silo.Tests;

/// <summary>/plugin-help.js and /command-help describe the plugins whose labels tide's queries depend on, with their settings.</summary>
public sealed class MergeRulePluginHelpTests
{
    private const string PluginsYaml = """
        dco:
          org:
            skip_dco_check_for_members: true
            trusted_org: friends
            trusted_apps: [renovate]
        blockades:
        - repos: [org]
          branchregexp: ^release-
          blockregexps: [^vendor/]
          explanation: vendored code is updated by a bot
        require_matching_label:
        - org: org
          repo: repo
          prs: true
          branch: main
          regexp: ^kind/
          missing_label: needs-kind
          missing_comment: Please add a kind.
        """;

    [Fact]
    public async Task PluginHelp_DescribesEachPlugin_ItsCommands_AndItsSettingsPerRepo()
    {
        await using var host = await PluginTestHost.StartAsync("", "cla, dco, invalidcommitmsg, mergecommitblocker, blockade, require-matching-label", extraPluginsYaml: PluginsYaml);

        var help = JsonDocument.Parse(await host.Prow.Client.GetStringAsync("/plugin-help.js")).RootElement.GetProperty("PluginHelp");

        Assert.Equal(["blockade", "cla", "dco", "invalidcommitmsg", "mergecommitblocker", "require-matching-label"], help.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["/check-cla"], Usages(help, "cla"));
        Assert.Equal(["/check-dco"], Usages(help, "dco"));
        Assert.Equal(["/check-required-labels"], Usages(help, "require-matching-label"));
        Assert.Empty(Usages(help, "invalidcommitmsg"));
        Assert.Empty(Usages(help, "mergecommitblocker"));
        Assert.Empty(Usages(help, "blockade"));

        var cla = Description(help, "cla");
        Assert.Contains("\"EasyCLA\"", cla, StringComparison.Ordinal);
        Assert.Contains("\"cla/linuxfoundation\"", cla, StringComparison.Ordinal);
        Assert.Equal("Commits by members of org or friends and by the apps renovate need no sign-off.", Config(help, "dco", "org"));
        Assert.Contains("On branches matching '^release-': 'vendored code is updated by a bot'. Blocked: ^vendor/", Config(help, "blockade", "org"), StringComparison.Ordinal);
        Assert.Contains("pull requests into main in org/repo with no label matching ^kind/ get needs-kind and a comment.", Config(help, "require-matching-label", ""), StringComparison.Ordinal);
        Assert.Contains("invalid_commit_msg", Description(help, "invalidcommitmsg"), StringComparison.Ordinal);

        var page = await host.Prow.Client.GetStringAsync("/command-help");
        Assert.Contains("/check-required-labels", page, StringComparison.Ordinal);
        Assert.Contains("/check-cla", page, StringComparison.Ordinal);
    }

    private static List<string?> Usages(JsonElement help, string plugin) =>
        [.. help.GetProperty(plugin).GetProperty("Commands").EnumerateArray().Select(c => c.GetProperty("Usage").GetString())];

    private static string Description(JsonElement help, string plugin) => help.GetProperty(plugin).GetProperty("Description").GetString()!;

    private static string Config(JsonElement help, string plugin, string scope) => help.GetProperty(plugin).GetProperty("Config").GetProperty(scope).GetString()!;
}
