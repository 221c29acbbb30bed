using Prow.Config;
using Prow.FakeGitHub;
using Prow.Grains.Plugins.Dco;
using Prow.Grains.Plugins.InvalidCommitMsg;

namespace Prow.Silo.Tests;

/// <summary>
/// Tide's merge rules depend on the dco and invalidcommitmsg plugins: kubevirt's own tide query, read from its
/// config.yaml in the corpus and pointed at org/repo, end to end through the host.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class DcoTideTests
{
    private const string Repo = PluginTestHost.Repo;
    private const string Signed = "Add a flag\n\nSigned-off-by: Bob <bob@example.com>";

    [Fact]
    public async Task UnsignedCommit_IsHeldByTide_AndMergesOnceSignedOff()
    {
        var query = KubevirtQuery();
        Assert.Contains(DcoPlugin.NoLabel, query);
        string[] approved = ["lgtm", "approved"];
        await using var host = await PluginTestHost.StartAsync("presubmits: {}", "dco, invalidcommitmsg", configYaml: query);
        await PluginTestHost.WaitUntilAsync(() => host.GitHub.CallsTo("GET", "/search/issues").Count > 0, () => "tide never synced");
        host.GitHub.Change(Repo, r =>
        {
            r.WithBranch("master", "base0000");
            r.AddPullRequest(1, "Add a flag", "bob", "head1", baseRef: "master").Commits.Add(new FakeCommit("head1", "Add a flag", "bob"));
        });

        // Opened unapproved (so tide has nothing to merge yet), then approved: the plugin's label must hold it.
        await host.SendAsync("pull_request", Webhooks.PullRequest("opened", Repo, 1, "bob", "head1", baseRef: "master"), pullRequest: 1);
        PluginTestHost.AssertLabels([DcoPlugin.NoLabel], host.GitHub.LabelsOn(Repo, 1));
        host.GitHub.Change(Repo, r => r.Issues[1].Labels.AddRange(approved));
        await host.SendAsync("pull_request", Labeled(Webhooks.PullRequest("labeled", Repo, 1, "bob", "head1", baseRef: "master", labels: [DcoPlugin.NoLabel, .. approved]), "approved"), pullRequest: 1);
        await PluginTestHost.WaitUntilAsync(
            () => host.GitHub.StatusesFor(Repo, "head1").FirstOrDefault(s => s.Context == "tide") is { State: "pending" } s && s.Description!.Contains(DcoPlugin.NoLabel, StringComparison.Ordinal),
            () => "tide did not hold the pull request for its sign-off: " + Statuses(host, "head1"));
        Assert.Empty(host.GitHub.MergesIn(Repo));

        // A fixup commit signed off is still held, now by invalidcommitmsg's label.
        host.GitHub.Change(Repo, r =>
        {
            r.Issues[1].HeadSha = "head2";
            r.Issues[1].Commits.Clear();
            r.Issues[1].Commits.AddRange([new FakeCommit("c1", Signed, "bob"), new FakeCommit("head2", "fixup! Add a flag\n\nSigned-off-by: Bob <bob@example.com>", "bob")]);
        });
        await host.SendAsync("pull_request", Webhooks.PullRequest("synchronize", Repo, 1, "bob", "head2", baseRef: "master", labels: [DcoPlugin.NoLabel, .. approved]), pullRequest: 1);
        PluginTestHost.AssertLabels([.. approved, DcoPlugin.YesLabel, InvalidCommitMsgPlugin.Label], host.GitHub.LabelsOn(Repo, 1));
        await PluginTestHost.WaitUntilAsync(
            () => host.GitHub.StatusesFor(Repo, "head2").FirstOrDefault(s => s.Context == "tide") is { State: "pending" } s && s.Description!.Contains(InvalidCommitMsgPlugin.Label, StringComparison.Ordinal),
            () => "tide did not hold the pull request for its fixup commit: " + Statuses(host, "head2"));
        Assert.Empty(host.GitHub.MergesIn(Repo));

        host.GitHub.Change(Repo, r =>
        {
            r.Issues[1].HeadSha = "head3";
            r.Issues[1].Commits.Clear();
            r.Issues[1].Commits.Add(new FakeCommit("head3", Signed, "bob"));
        });
        await host.SendAsync("pull_request", Webhooks.PullRequest("synchronize", Repo, 1, "bob", "head3", baseRef: "master", labels: [.. approved, DcoPlugin.YesLabel, InvalidCommitMsgPlugin.Label]), pullRequest: 1);

        PluginTestHost.AssertLabels([.. approved, DcoPlugin.YesLabel], host.GitHub.LabelsOn(Repo, 1));
        await PluginTestHost.WaitUntilAsync(() => host.GitHub.MergesIn(Repo).Count == 1, () => "no merge; tide said: " + Statuses(host, "head3"));
    }

    /// <summary>The first of kubevirt's tide queries that excludes dco-signoff: no, for org/repo instead of kubevirt's repositories.</summary>
    private static string KubevirtQuery()
    {
        var loaded = ConfigLoader.Load(new ConfigPaths(Path.Combine(RepositoryRoot.Path, "testdata", "conformance", "kubevirt_project-infra", "config.yaml")));
        Assert.True(loaded.Succeeded, string.Join('\n', loaded.Problems));
        var query = loaded.Snapshot!.Prow.Tide.Queries.First(q => q.MissingLabels.Contains(DcoPlugin.NoLabel));
        static string List(IEnumerable<string> items) => string.Concat(items.Select(i => $"\n    - \"{i}\""));
        return $"tide:\n  queries:\n  - repos: [org/repo]\n    labels:{List(query.Labels)}\n    missingLabels:{List(query.MissingLabels)}\n";
    }

    private static string Labeled(string json, string label) => WebhookEdits.Edit(json, e => e["label"] = new System.Text.Json.Nodes.JsonObject { ["name"] = label });

    private static string Statuses(PluginTestHost host, string sha) =>
        string.Join(" | ", host.GitHub.StatusesFor(Repo, sha).Select(s => $"{s.Context} {s.State} {s.Description}"));
}
