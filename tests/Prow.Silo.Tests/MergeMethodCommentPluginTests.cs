using Prow.Grains.Plugins.Framework;
using Prow.Grains.Plugins.MergeMethodComment;

namespace Prow.Silo.Tests;

/// <summary>The merge-method-comment plugin's cases, in the manner of Prow's test, against the fake GitHub.</summary>
public sealed class MergeMethodCommentPluginTests
{
    private const string Repo = PluginHarness.Repo;
    private const string Head = "This PR has multiple commits, and the default merge method is: ";

    public static TheoryData<string, string, string, int, string?> Cases => new()
    {
        // name, tide section, action, commits, the bot's message (null: no comment)
        { "a single commit: nothing", "", "opened", 1, null },
        { "merge by default, no squash label", "", "opened", 2, Head + "merge.\nCommits will be merged, as no squash labels are defined" },
        { "merge with a squash label", "  squash_label: tide/squash\n", "synchronize", 3, Head + "merge.\nYou can request commits to be squashed using the label: tide/squash" },
        { "squash for the repo with a merge label", "  merge_method:\n    org/repo: squash\n  merge_label: tide/merge-method-merge\n", "reopened", 2, Head + "squash.\nYou can request commits to be merged using the label: tide/merge-method-merge" },
        { "squash for the org, no merge label", "  merge_method:\n    org: squash\n", "edited", 2, Head + "squash.\nCommits will be squashed, as no merge labels are defined" },
        { "rebase: the method alone", "  merge_method:\n    org/repo: rebase\n", "opened", 2, Head + "rebase.\n" },
        { "labelled: not an action that changes the code", "", "labeled", 2, null },
        { "closed: nothing", "", "closed", 2, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task PullRequestWithSeveralCommits_IsToldHowTideMerges(string name, string tide, string action, int commits, string? message)
    {
        Assert.NotEmpty(name);
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "bob", "head0001");

        await harness.RunAsync(new MergeMethodCommentPlugin(), "pull_request", PullRequestWebhooks.Event(action, Repo, 1, commits: commits), configYaml: "tide:\n" + tide);

        var comments = harness.GitHub.CommentsOn(Repo, 1);
        if (message is null)
        {
            Assert.Empty(comments);
        }
        else
        {
            Assert.Equal(BotNotice.Format(message), Assert.Single(comments).Body);
        }
    }

    [Fact]
    public async Task SaidOnce_NotAgainOnThePush()
    {
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "bob", "head0001");

        await harness.RunAsync(new MergeMethodCommentPlugin(), "pull_request", PullRequestWebhooks.Event("opened", Repo, 1, commits: 2));
        await harness.RunAsync(new MergeMethodCommentPlugin(), "pull_request", PullRequestWebhooks.Event("synchronize", Repo, 1, commits: 3));

        Assert.Single(harness.GitHub.CommentsOn(Repo, 1));
        Assert.Single(harness.GitHub.CallsTo("POST", "/repos/org/repo/issues/1/comments"));
    }
}
