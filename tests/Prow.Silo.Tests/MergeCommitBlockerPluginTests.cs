using Prow.FakeGitHub;
using Prow.Grains.Plugins.MergeCommitBlocker;

namespace Prow.Silo.Tests;

/// <summary>The mergecommitblocker plugin's cases, in the manner of Prow's mergecommitblocker_test.go, against the fake GitHub.</summary>
public sealed class MergeCommitBlockerPluginTests
{
    private const string Repo = PluginHarness.Repo;
    private const string Label = MergeCommitBlockerPlugin.Label;

    public static TheoryData<string, string, int[], string[], string[], bool> Cases => new()
    {
        // name, action, parents of each commit, labels before, labels after, the bot explains
        { "no merge commits: nothing happens", "opened", [1, 1], [], [], false },
        { "a merge commit: labelled and explained", "opened", [1, 2], [], [Label], true },
        { "an octopus merge counts too", "synchronize", [3], [], [Label], true },
        { "already labelled with merge commits: not said twice", "synchronize", [2], [Label], [Label], false },
        { "rebased away: the label comes off", "synchronize", [1], [Label], [], false },
        { "reopened with a merge commit: labelled", "reopened", [2], [], [Label], true },
        { "edited: not checked", "edited", [2], [], [], false },
        { "labelled: not checked", "labeled", [2], [], [], false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task PullRequestEvent_LabelsMergeCommits(string name, string action, int[] parents, string[] before, string[] after, bool explained)
    {
        Assert.NotEmpty(name);
        await using var harness = await PluginHarness.StartAsync();
        var pr = harness.FakeRepo.AddPullRequest(1, "change", "bob", "head1");
        pr.Commits.AddRange(parents.Select((p, i) => new FakeCommit($"c{i}", "a commit", "bob", p)));
        pr.Labels.AddRange(before);

        await harness.RunAsync(new MergeCommitBlockerPlugin(), "pull_request", Webhooks.PullRequest(action, Repo, 1, "bob", "head1", labels: before));

        Assert.Equal(after, harness.GitHub.LabelsOn(Repo, 1));
        var comments = harness.GitHub.CommentsOn(Repo, 1);
        Assert.Equal(explained ? 1 : 0, comments.Count);
        Assert.All(comments, c => Assert.Contains(MergeCommitBlockerPlugin.Explanation, c.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RebasedAway_DeletesTheBotsExplanation_ButNotWhatOthersWrote()
    {
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "bob", "head1").Commits.Add(new FakeCommit("m1", "Merge branch 'main'", "bob", Parents: 2));
        await harness.RunAsync(new MergeCommitBlockerPlugin(), "pull_request", Webhooks.PullRequest("opened", Repo, 1, "bob", "head1"));
        harness.GitHub.Change(Repo, r =>
        {
            r.Comments.Add(new FakeComment(9001, 1, "bob", "> " + MergeCommitBlockerPlugin.Explanation + "\nsorry, fixing", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));
            r.Issues[1].Commits.Clear();
            r.Issues[1].Commits.Add(new FakeCommit("c2", "a commit", "bob"));
        });

        await harness.RunAsync(new MergeCommitBlockerPlugin(), "pull_request", Webhooks.PullRequest("synchronize", Repo, 1, "bob", "head2"));

        Assert.Empty(harness.GitHub.LabelsOn(Repo, 1));
        Assert.Equal([9001], harness.GitHub.CommentsOn(Repo, 1).Select(c => c.Id));
    }
}
