using Prow.Config;
using Prow.FakeGitHub;
using Prow.Grains.Plugins.Blockade;
using Prow.Grains.Plugins.Cla;
using Prow.Grains.Plugins.MergeCommitBlocker;

namespace Prow.Silo.Tests;

/// <summary>
/// Kubernetes' tide query, read from its config.yaml in the corpus and pointed at org/repo, with the plugins whose labels
/// it asks for or excludes (cla, mergecommitblocker, blockade, require-matching-label), end to end through the host.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class ClaTideTests
{
    private const string Repo = PluginTestHost.Repo;
    private const string NeedsKind = "do-not-merge/needs-kind";

    private const string PluginsYaml = """
        blockades:
        - repos: [org/repo]
          blockregexps: [^docs/]
          explanation: docs live elsewhere
        require_matching_label:
        - org: org
          repo: repo
          prs: true
          regexp: ^kind/
          missing_label: do-not-merge/needs-kind
          grace_period: 0s
        """;

    [Fact]
    public async Task EasyClaStatus_LetsTideMerge_OnlyOnceMergeCommitsAndBlockedPathsAreGone()
    {
        await using var host = await PluginTestHost.StartAsync("presubmits: {}", "cla, mergecommitblocker, blockade, require-matching-label", extraPluginsYaml: PluginsYaml, configYaml: KubernetesQuery());
        await PluginTestHost.WaitUntilAsync(() => host.GitHub.CallsTo("GET", "/search/issues").Count > 0, () => "tide never synced");
        host.GitHub.Change(Repo, r =>
        {
            var pr = r.AddPullRequest(1, "Add a flag", "bob", "aaaa1111");
            pr.Commits.AddRange([new FakeCommit("c0c0c0c0", "Add a flag", "bob"), new FakeCommit("aaaa1111", "Merge branch 'main'", "bob", Parents: 2)]);
            pr.Files.AddRange([new FakeChangedFile("docs/flag.md"), new FakeChangedFile("cmd/flag.go")]);
        });

        await host.SendAsync("pull_request", Webhooks.PullRequest("opened", Repo, 1, "bob", "aaaa1111"), pullRequest: 1);
        PluginTestHost.AssertLabels([MergeCommitBlockerPlugin.Label, BlockadePlugin.Label, NeedsKind], host.GitHub.LabelsOn(Repo, 1));

        // Reviewed and given a kind; then EasyCLA passes on the head: the status reaches the repository, cla labels it.
        host.GitHub.Change(Repo, r => r.Issues[1].Labels.AddRange(["lgtm", "approved", "kind/feature"]));
        await host.SendAsync("pull_request", Labeled("kind/feature", [.. host.GitHub.LabelsOn(Repo, 1)]), pullRequest: 1);
        await ClaPassesAsync(host, "aaaa1111");
        PluginTestHost.AssertLabels([MergeCommitBlockerPlugin.Label, BlockadePlugin.Label, "lgtm", "approved", "kind/feature", ClaPlugin.YesLabel], host.GitHub.LabelsOn(Repo, 1));
        await host.SendAsync("pull_request", Labeled(ClaPlugin.YesLabel, [.. host.GitHub.LabelsOn(Repo, 1)]), pullRequest: 1);
        await PluginTestHost.WaitUntilAsync(
            () => host.GitHub.StatusesFor(Repo, "aaaa1111").FirstOrDefault(s => s.Context == "tide") is { State: "pending" } s
                && (s.Description!.Contains(MergeCommitBlockerPlugin.Label, StringComparison.Ordinal) || s.Description.Contains(BlockadePlugin.Label, StringComparison.Ordinal)),
            () => "tide did not hold the pull request for its merge commit and blocked path: " + Statuses(host, "aaaa1111"));
        Assert.Empty(host.GitHub.MergesIn(Repo));

        // Rebased, without the docs change: both holds lift and tide merges.
        host.GitHub.Change(Repo, r =>
        {
            var pr = r.Issues[1];
            pr.HeadSha = "bbbb2222";
            pr.Commits.Clear();
            pr.Commits.Add(new FakeCommit("bbbb2222", "Add a flag", "bob"));
            pr.Files.Clear();
            pr.Files.Add(new FakeChangedFile("cmd/flag.go"));
        });
        await ClaPassesAsync(host, "bbbb2222");
        await host.SendAsync("pull_request", Webhooks.PullRequest("synchronize", Repo, 1, "bob", "bbbb2222", labels: [.. host.GitHub.LabelsOn(Repo, 1)]), pullRequest: 1);

        PluginTestHost.AssertLabels(["lgtm", "approved", "kind/feature", ClaPlugin.YesLabel], host.GitHub.LabelsOn(Repo, 1));
        await PluginTestHost.WaitUntilAsync(() => host.GitHub.MergesIn(Repo).Count == 1, () => "no merge; tide said: " + Statuses(host, "bbbb2222"));
    }

    /// <summary>EasyCLA's success on a commit: the status GitHub holds, and its webhook.</summary>
    private static async Task ClaPassesAsync(PluginTestHost host, string sha)
    {
        host.GitHub.Change(Repo, r => r.Statuses[sha] = [new FakeStatus(500 + sha[0], "success", ClaPlugin.Context, "CLA signed", null, "easycla", DateTimeOffset.UnixEpoch)]);
        await host.SendAsync("status", Webhooks.Status(Repo, sha, ClaPlugin.Context, "success"));
    }

    /// <summary>The first of kubernetes' tide queries that requires cncf-cla: yes and excludes these plugins' labels, for org/repo.</summary>
    private static string KubernetesQuery()
    {
        var loaded = ConfigLoader.Load(new ConfigPaths(Path.Combine(RepositoryRoot.Path, "testdata", "conformance", "kubernetes_test-infra", "config.yaml")));
        Assert.True(loaded.Succeeded, string.Join('\n', loaded.Problems));
        var query = loaded.Snapshot!.Prow.Tide.Queries.First(q => q.Labels.Contains(ClaPlugin.YesLabel)
            && new[] { MergeCommitBlockerPlugin.Label, BlockadePlugin.Label, NeedsKind }.All(q.MissingLabels.Contains));
        static string List(IEnumerable<string> items) => string.Concat(items.Select(i => $"\n    - \"{i}\""));
        return $"tide:\n  queries:\n  - repos: [org/repo]\n    labels:{List(query.Labels)}\n    missingLabels:{List(query.MissingLabels)}\n";
    }

    private static string Labeled(string label, string[] labels) =>
        WebhookEdits.Edit(Webhooks.PullRequest("labeled", Repo, 1, "bob", "aaaa1111", labels: labels), e => e["label"] = new System.Text.Json.Nodes.JsonObject { ["name"] = label });

    private static string Statuses(PluginTestHost host, string sha) =>
        string.Join(" | ", host.GitHub.StatusesFor(Repo, sha).Select(s => $"{s.Context} {s.State} {s.Description}"));
}
