using Prow.Grains.Plugins.NeedsRebase;

namespace Prow.Silo.Tests;

public sealed class NeedsRebasePluginTests
{
    private const string Repo = PluginTestHost.Repo;

    [Fact]
    public async Task Conflict_AddsTheLabelAndComment_ResolvedConflictRemovesBoth()
    {
        await using var host = await PluginTestHost.StartAsync("", "needs-rebase");
        var pr = host.FakeRepo.AddPullRequest(1, "change", "alice", "sha1");
        pr.Mergeable = false;
        host.FakeRepo.Comments.Add(new Prow.FakeGitHub.FakeComment(1, 1, "alice", "please look", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));

        await host.SendAsync("pull_request", Webhooks.PullRequest("opened", Repo, 1, "alice", "sha1"), pullRequest: 1);

        Assert.Equal(["needs-rebase"], host.GitHub.LabelsOn(Repo, 1));
        var comment = host.GitHub.CommentsOn(Repo, 1)[^1];
        Assert.Equal("prow-bot", comment.Author);
        Assert.StartsWith("@alice: PR needs rebase.", comment.Body, StringComparison.Ordinal);

        // Another event while still conflicted changes nothing.
        await host.SendAsync("pull_request", Webhooks.PullRequest("edited", Repo, 1, "alice", "sha1"), pullRequest: 1);
        Assert.Single(host.GitHub.CallsTo("POST", "/repos/org/repo/issues/1/labels"));
        Assert.Equal(2, host.GitHub.CommentsOn(Repo, 1).Count);

        pr.Mergeable = true;
        await host.SendAsync("pull_request", Webhooks.PullRequest("synchronize", Repo, 1, "alice", "sha2"), pullRequest: 1);

        Assert.Empty(host.GitHub.LabelsOn(Repo, 1));
        Assert.Equal(["please look"], host.GitHub.CommentsOn(Repo, 1).Select(c => c.Body));
    }

    [Fact]
    public async Task MergeabilityStillComputing_IsAskedAgain_ThenTheConflictIsLabelled()
    {
        await using var host = await PluginTestHost.StartAsync("", "needs-rebase");
        var pr = host.FakeRepo.AddPullRequest(7, "change", "alice", "sha7");
        pr.Mergeable = false;
        pr.MergeabilityPendingReads = 1;

        await host.SendAsync("pull_request", Webhooks.PullRequest("synchronize", Repo, 7, "alice", "sha7"), pullRequest: 7);

        Assert.Equal(2, host.GitHub.CallsTo("GET", "/repos/org/repo/pulls/7").Count);
        Assert.Equal(["needs-rebase"], host.GitHub.LabelsOn(Repo, 7));
    }

    [Fact]
    public async Task MergeablePullRequest_GetsNothing()
    {
        await using var host = await PluginTestHost.StartAsync("", "needs-rebase");
        host.FakeRepo.AddPullRequest(2, "change", "alice", "sha2");

        await host.SendAsync("pull_request", Webhooks.PullRequest("opened", Repo, 2, "alice", "sha2"), pullRequest: 2);

        Assert.Empty(host.GitHub.Writes);
        Assert.Single(host.GitHub.CallsTo("GET", "/repos/org/repo/pulls/2"));
    }

    [Fact]
    public async Task BaseBranchMoves_EveryOpenPullRequestIntoItIsRechecked()
    {
        await using var host = await PluginTestHost.StartAsync("", "needs-rebase");
        host.FakeRepo.AddPullRequest(3, "now conflicts", "alice", "sha3").Mergeable = false;
        var fixedPr = host.FakeRepo.AddPullRequest(4, "conflict gone", "bob", "sha4");
        fixedPr.Labels.Add("needs-rebase");
        host.FakeRepo.AddPullRequest(5, "other branch", "alice", "sha5", baseRef: "release").Mergeable = false;
        var closed = host.FakeRepo.AddPullRequest(6, "closed", "alice", "sha6");
        closed.Mergeable = false;
        closed.State = "closed";

        await host.SendAsync("push", Webhooks.Push(Repo, "main", "newbase"));

        Assert.Equal(["needs-rebase"], host.GitHub.LabelsOn(Repo, 3));
        Assert.StartsWith("@alice: PR needs rebase.", Assert.Single(host.GitHub.CommentsOn(Repo, 3)).Body, StringComparison.Ordinal);
        Assert.Empty(host.GitHub.LabelsOn(Repo, 4));
        Assert.Empty(host.GitHub.LabelsOn(Repo, 5));
        Assert.Empty(host.GitHub.LabelsOn(Repo, 6));
        Assert.Empty(host.GitHub.CallsTo("GET", "/repos/org/repo/pulls/5"));
    }
    public static TheoryData<string, string, bool, string[]> QueryCases => new()
    {
        // name, plugins.yaml, as a GitHub App, the searches
        { "an org", "plugins:\n  org: [needs-rebase]\n", false, ["archived:false is:pr is:open org:\"org\""] },
        { "repos of two orgs share one search with a token", "plugins:\n  a/one: [needs-rebase]\n  b/two: [needs-rebase]\n", false,
            ["archived:false is:pr is:open repo:\"a/one\" repo:\"b/two\""] },
        { "as a GitHub App, one search per org (each installation sees its own)", "plugins:\n  a/one: [needs-rebase]\n  a/three: [needs-rebase]\n  b/two: [needs-rebase]\n", true,
            ["archived:false is:pr is:open repo:\"a/one\" repo:\"a/three\"", "archived:false is:pr is:open repo:\"b/two\""] },
        { "a repo of an org already searched is not searched again", "plugins:\n  org/repo: [needs-rebase]\nexternal_plugins:\n  org:\n  - name: needs-rebase\n    endpoint: http://needs-rebase\n", false,
            ["archived:false is:pr is:open org:\"org\""] },
        { "the external plugin of that name counts", "external_plugins:\n  org:\n  - name: needs-rebase\n    endpoint: http://needs-rebase\n", false,
            ["archived:false is:pr is:open org:\"org\""] },
        { "enabled nowhere, nothing is searched", "plugins:\n  org: [hold]\n", false, [] },
    };

    [Theory]
    [MemberData(nameof(QueryCases))]
    public void Rescan_SearchesAsProwsConstructQueries(string name, string pluginsYaml, bool appAuth, string[] queries)
    {
        Assert.NotEmpty(name);

        Assert.Equal(queries, NeedsRebaseRescan.Queries(RepoOwnersLoaderTests.Snapshot(pluginsYaml: pluginsYaml).Plugins, appAuth));
    }

    [Fact]
    public async Task Rescan_EveryUpdatePeriod_LabelsConflictsAndClearsResolvedOnes_WithoutAnyWebhook()
    {
        await using var host = await PluginTestHost.StartAsync("", "needs-rebase", configure: o => o with { NeedsRebaseUpdatePeriod = TimeSpan.FromSeconds(2) });
        host.GitHub.Change(Repo, r =>
        {
            r.AddPullRequest(1, "conflicted", "alice", "sha1").Mergeable = false;
            var resolved = r.AddPullRequest(2, "resolved", "alice", "sha2");
            resolved.Labels.Add("needs-rebase");
            r.Comments.Add(new Prow.FakeGitHub.FakeComment(9001, 2, "prow-bot", NeedsRebasePlugin.Comment("alice"), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));
            var computing = r.AddPullRequest(3, "still computing", "alice", "sha3");
            computing.Mergeable = false;
            computing.MergeabilityPendingReads = int.MaxValue;
        });
        host.GitHub.State.AddRepo("elsewhere/repo").AddPullRequest(4, "not enabled here", "alice", "sha4").Mergeable = false;

        // The label changes before the comment is written or deleted, so the pass is over only when both are done.
        await PluginTestHost.WaitUntilAsync(
            () => host.GitHub.CommentsOn(Repo, 1).Count == 1 && host.GitHub.LabelsOn(Repo, 2).Count == 0 && host.GitHub.CommentsOn(Repo, 2).Count == 0,
            () => "the first pass");

        Assert.StartsWith("@alice: PR needs rebase.", Assert.Single(host.GitHub.CommentsOn(Repo, 1)).Body, StringComparison.Ordinal);
        Assert.Empty(host.GitHub.CommentsOn(Repo, 2));
        Assert.Empty(host.GitHub.LabelsOn(Repo, 3));
        Assert.Empty(host.GitHub.LabelsOn("elsewhere/repo", 4));
        Assert.Contains(host.GitHub.CallsTo("GET", "/search/issues"), c => Uri.UnescapeDataString(c.Query).Contains("archived:false is:pr is:open org:\"org\"", StringComparison.Ordinal));

        // The next pass comes from the reminder: the conflict is resolved on GitHub and nothing else happens.
        host.GitHub.Change(Repo, r => r.Issues[1].Mergeable = true);
        await PluginTestHost.WaitUntilAsync(() => host.GitHub.LabelsOn(Repo, 1).Count == 0 && host.GitHub.CommentsOn(Repo, 1).Count == 0, () => "the next pass");
        Assert.Empty(host.GitHub.CommentsOn(Repo, 1));
    }
}
