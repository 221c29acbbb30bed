using Prow.Grains.Plugins.ReleaseNote;

namespace Prow.Silo.Tests;

/// <summary>Tide's merge rules depend on the release-note plugin: kubernetes' tide query, end to end through the host.</summary>
[Collection(HeavyTests.Name)]
public sealed class ReleaseNoteTideTests
{
    private const string Repo = PluginTestHost.Repo;

    // kubernetes/test-infra's query for its orgs (testdata/conformance/kubernetes_test-infra/config.yaml), on org/repo.
    private const string KubernetesQuery = """
        tide:
          queries:
          - repos: [org/repo]
            labels:
            - lgtm
            - approved
            - "cncf-cla: yes"
            missingLabels:
            - do-not-merge
            - do-not-merge/blocked-paths
            - do-not-merge/contains-merge-commits
            - do-not-merge/hold
            - do-not-merge/invalid-commit-message
            - do-not-merge/invalid-owners-file
            - do-not-merge/release-note-label-needed
            - do-not-merge/work-in-progress
        """;

    [Fact]
    public async Task PullRequestWithoutAReleaseNote_IsHeldByTide_AndMergesAfterReleaseNoteNone()
    {
        string[] approved = ["lgtm", "approved", "cncf-cla: yes"];
        await using var host = await PluginTestHost.StartAsync("presubmits: {}", "release-note, hold, wip", configYaml: KubernetesQuery);
        await PluginTestHost.WaitUntilAsync(() => host.GitHub.CallsTo("GET", "/search/issues").Count > 0, () => "tide never synced");
        host.GitHub.Change(Repo, r => r.AddPullRequest(1, "a pull request", "alice", "head1", baseRef: "master"));
        host.GitHub.Change(Repo, r => r.WithBranch("master", "base0000"));

        // Opened unapproved (so a tide sync already under way has nothing to merge), then approved: the plugin's label must hold it.
        await host.SendAsync("pull_request", Webhooks.PullRequest("opened", Repo, 1, "alice", "head1", baseRef: "master"), pullRequest: 1);
        Assert.Contains(ReleaseNoteLabels.Needed, host.GitHub.LabelsOn(Repo, 1));
        host.GitHub.Change(Repo, r => r.Issues[1].Labels.AddRange(approved));
        await host.SendAsync("pull_request", Labeled(Webhooks.PullRequest("labeled", Repo, 1, "alice", "head1", baseRef: "master", labels: [ReleaseNoteLabels.Needed, .. approved]), "approved"), pullRequest: 1);
        await PluginTestHost.WaitUntilAsync(
            () => host.GitHub.StatusesFor(Repo, "head1").FirstOrDefault(s => s.Context == "tide") is { State: "pending" } s && s.Description!.Contains(ReleaseNoteLabels.Needed, StringComparison.Ordinal),
            () => "tide did not hold the pull request for its release note: " + string.Join(" | ", host.GitHub.StatusesFor(Repo, "head1").Select(s => $"{s.Context} {s.State} {s.Description}")));
        Assert.Empty(host.GitHub.MergesIn(Repo));

        await host.SendAsync("issue_comment", Webhooks.PullRequestComment(Repo, 1, "/release-note-none", "alice"), pullRequest: 1);
        PluginTestHost.AssertLabels([.. approved, ReleaseNoteLabels.None], host.GitHub.LabelsOn(Repo, 1));
        await host.SendAsync("pull_request", Labeled(Webhooks.PullRequest("labeled", Repo, 1, "alice", "head1", baseRef: "master", labels: [.. approved, ReleaseNoteLabels.None]), ReleaseNoteLabels.None), pullRequest: 1);

        await PluginTestHost.WaitUntilAsync(() => host.GitHub.MergesIn(Repo).Count == 1, () => "no merge; tide said: " + string.Join(" | ", host.GitHub.StatusesFor(Repo, "head1").Select(s => $"{s.Context} {s.State} {s.Description}")));
    }

    private static string Labeled(string json, string label) => WebhookEdits.Edit(json, e => e["label"] = new System.Text.Json.Nodes.JsonObject { ["name"] = label });
}
