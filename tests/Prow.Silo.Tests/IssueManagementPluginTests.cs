using Microsoft.Extensions.Logging.Abstractions;
using Prow.Grains.OwnersFiles;
using Prow.Grains.Plugins.IssueManagement;

namespace Prow.Silo.Tests;

/// <summary>The issue-management plugin's cases (and its older name transfer-issue), in the manner of Prow's tests, against the fake GitHub.</summary>
public sealed class IssueManagementPluginTests
{
    private const string Repo = PluginHarness.Repo;

    private static IssueManagementPlugin Plugin(bool transferOnly = false) => new(new RepoOwnersLoader(NullLogger<RepoOwnersLoader>.Instance), transferOnly);

    public static TheoryData<string, string, string, bool, string?> TransferCases => new()
    {
        // name, commenter, comment, moved to org/dest, the bot's answer (after "@commenter: ")
        { "org member moves the issue", "alice", "/transfer-issue dest", true, null },
        { "the short form", "alice", "/transfer dest", true, null },
        { "trailing spaces are not part of the name", "alice", "/transfer-issue dest  ", true, null },
        { "someone outside the org is refused", "stranger", "/transfer-issue dest", false, "You must be an org member to transfer this issue." },
        { "a repository that does not exist", "alice", "/transfer-issue nope", false, "Something went wrong or the destination repo **org/nope** does not exist." },
        { "no destination", "alice", "/transfer-issue", false, "`/transfer-issue` must only be used once and with a single destination repo." },
        { "two transfers in one comment", "alice", "/transfer-issue dest\n/transfer other", false, "`/transfer-issue` must only be used once and with a single destination repo." },
        { "quoted is not a command", "alice", "> /transfer-issue dest", false, null },
    };

    [Theory]
    [MemberData(nameof(TransferCases))]
    public async Task Transfer_MovesTheIssueForOrgMembers(string name, string commenter, string body, bool moved, string? answer)
    {
        Assert.NotEmpty(name);
        await using var harness = await StartAsync();
        harness.FakeRepo.AddIssue(1, "misfiled", "bob");

        await harness.RunAsync(Plugin(), "issue_comment", Webhooks.IssueComment(Repo, 1, body, commenter));

        Assert.Equal(moved, !harness.FakeRepo.Issues.ContainsKey(1));
        Assert.Equal(moved, harness.GitHub.State.Repo("org/dest").Issues.Values.Any(i => i.Title == "misfiled"));
        Assert.Equal(moved ? 1 : 0, harness.GitHub.CallsTo("POST", "/graphql").Count);
        if (answer is not null)
        {
            Assert.StartsWith($"@{commenter}: {answer}", Assert.Single(harness.GitHub.CommentsOn(Repo, 1)).Body, StringComparison.Ordinal);
        }
        else if (!moved)
        {
            Assert.Empty(harness.GitHub.CommentsOn(Repo, 1));
        }
    }

    [Fact]
    public async Task Transfer_TakesTheNextNumberThere_AndTheCommentsGoAlong()
    {
        await using var harness = await StartAsync();
        harness.FakeRepo.AddIssue(1, "misfiled", "bob");
        harness.GitHub.State.Repo("org/dest").AddIssue(7, "already there", "carol");

        await harness.RunAsync(Plugin(), "issue_comment", Webhooks.IssueComment(Repo, 1, "/transfer-issue dest", "alice"));

        Assert.Equal("misfiled", harness.GitHub.Issue("org/dest", 8).Title);
        var call = Assert.Single(harness.GitHub.CallsTo("POST", "/graphql"));
        Assert.Contains("transferIssue(input: $input)", call.Body, StringComparison.Ordinal);
        Assert.Contains($"\"repositoryId\":\"R_{harness.GitHub.State.Repo("org/dest").Id}\"", call.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transfer_OnAPullRequest_IsRefused()
    {
        await using var harness = await StartAsync();
        harness.FakeRepo.AddPullRequest(2, "change", "bob", "head2");

        await harness.RunAsync(Plugin(), "issue_comment", Webhooks.PullRequestComment(Repo, 2, "/transfer-issue dest", "alice"));

        Assert.StartsWith("@alice: The `/transfer-issue` command is only supported on issues, not pull requests.", Assert.Single(harness.GitHub.CommentsOn(Repo, 2)).Body, StringComparison.Ordinal);
        Assert.Empty(harness.GitHub.CallsTo("POST", "/graphql"));
    }

    [Fact]
    public async Task OldName_Transfers_ButOffersNothingElse()
    {
        await using var harness = await StartAsync();
        harness.FakeRepo.AddIssue(1, "misfiled", "bob");
        harness.FakeRepo.AddPullRequest(2, "change", "bob", "head2");

        await harness.RunAsync(Plugin(transferOnly: true), "issue_comment", Webhooks.PullRequestComment(Repo, 2, "/link-issue 1", "alice"));
        await harness.RunAsync(Plugin(transferOnly: true), "issue_comment", Webhooks.IssueComment(Repo, 1, "/transfer-issue dest", "alice"));

        Assert.Empty(harness.GitHub.CommentsOn(Repo, 2));
        Assert.False(harness.FakeRepo.Issues.ContainsKey(1));
    }

    [Fact]
    public async Task OldName_StandsAsideWhereTheNewNameIsEnabledToo()
    {
        await using var harness = await StartAsync();
        harness.FakeRepo.AddIssue(1, "misfiled", "bob");

        // The harness enables the plugin under test for the org; this adds issue-management for the repo.
        await harness.RunAsync(Plugin(transferOnly: true), "issue_comment", Webhooks.IssueComment(Repo, 1, "/transfer-issue dest", "alice"), "  org/repo: [issue-management]\n");

        Assert.True(harness.FakeRepo.Issues.ContainsKey(1));
        Assert.Empty(harness.GitHub.Writes);
    }

    public static TheoryData<string, string, string, string, string> LinkCases => new()
    {
        // name, description before, comment, description after, the bot's answer (after "@alice: ")
        { "link one issue", "Makes it faster.", "/link-issue 1", "Makes it faster.\n\nFixes #1", "Updated the `Fixes` line in the pull request body." },
        { "link an issue of another repository", "Makes it faster.\n", "/link-issue org/other#3", "Makes it faster.\n\nFixes org/other#3", "Updated the `Fixes` line in the pull request body." },
        { "link into the existing line, sorted", "Fixes #4\nMore.", "/link-issue 1", "Fixes #1 #4\nMore.", "Updated the `Fixes` line in the pull request body." },
        { "unlink one", "Fixes #1 #4", "/unlink-issue 1", "Fixes #4", "Updated the `Fixes` line in the pull request body." },
        { "unlink the last drops the line", "Text.\nfixes #1", "/unlink-issue 1", "Text.", "Updated the `Fixes` line in the pull request body." },
        { "unlink takes malformed references as written", "Fixes bogus #4", "/unlink-issue bogus", "Fixes #4", "Updated the `Fixes` line in the pull request body." },
        { "already linked", "Fixes #1", "/link-issue 1", "Fixes #1", "The PR body is already up-to-date. No changes were made." },
        { "an issue that does not exist", "Text.", "/link-issue 99", "Text.", "there are one or more errors with issue references provided. Please cross check and retry.\n* Issue **#99** in repository **org/repo** does not exist.\n" },
        { "a repository that does not exist", "Text.", "/link-issue org/nope#1", "Text.", "there are one or more errors with issue references provided. Please cross check and retry.\n* Repository **org/nope** does not exist.\n" },
        { "a pull request is not an issue", "Text.", "/link-issue 2", "Text.", "there are one or more errors with issue references provided. Please cross check and retry.\n* Skipped issue #2 of **org/repo** as it is a ***pull request***.\n" },
        { "a malformed reference", "Text.", "/link-issue abc", "Text.", "there are one or more errors with issue references provided. Please cross check and retry.\n* Invalid format for issue **abc**. Supported formats are **issue-number** (e.g., `123`) and **organization/repository#issue-number** (e.g., `kubernetes/test-infra#456`)\n" },
        { "one good, one bad", "Text.", "/link-issue 1 99", "Text.\n\nFixes #1", "Updated the `Fixes` line in the pull request body.\n\nHowever, there are one or more errors with issue references provided. Please cross check and retry.\n* Issue **#99** in repository **org/repo** does not exist.\n" },
    };

    [Theory]
    [MemberData(nameof(LinkCases))]
    public async Task Link_KeepsTheFixesLine(string name, string before, string body, string after, string answer)
    {
        Assert.NotEmpty(name);
        await using var harness = await StartAsync();
        harness.FakeRepo.AddIssue(1, "a bug", "bob");
        harness.FakeRepo.AddPullRequest(2, "the fix", "bob", "head2").Body = before;
        harness.GitHub.State.AddRepo("org/other").AddIssue(3, "another bug", "bob");

        await harness.RunAsync(Plugin(), "issue_comment", Webhooks.PullRequestComment(Repo, 2, body, "alice"));

        Assert.Equal(after, harness.GitHub.Issue(Repo, 2).Body);
        Assert.StartsWith($"@alice: {answer}\n", Assert.Single(harness.GitHub.CommentsOn(Repo, 2)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_ByAnOutsiderOrOnAnIssue_IsRefused()
    {
        await using var harness = await StartAsync();
        harness.FakeRepo.AddIssue(1, "a bug", "bob");
        harness.FakeRepo.AddPullRequest(2, "the fix", "bob", "head2").Body = "Text.";

        await harness.RunAsync(Plugin(), "issue_comment", Webhooks.PullRequestComment(Repo, 2, "/link-issue 1", "stranger"));
        await harness.RunAsync(Plugin(), "issue_comment", Webhooks.IssueComment(Repo, 1, "/link-issue 1", "alice"));

        Assert.Equal("Text.", harness.GitHub.Issue(Repo, 2).Body);
        Assert.StartsWith("@stranger: You must be an org member to use this command.", Assert.Single(harness.GitHub.CommentsOn(Repo, 2)).Body, StringComparison.Ordinal);
        Assert.StartsWith("@alice: `/link-issue` and `/unlink-issue` can only be used on pull requests.", Assert.Single(harness.GitHub.CommentsOn(Repo, 1)).Body, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, bool, bool, string> PinCases => new()
    {
        // name, commenter, comment, pinned before, pinned after, the bot's answer (after "@commenter: ")
        { "a top-level approver pins", "alice", "/pin-issue", false, true, "Issue #1 has been pinned to the repository." },
        { "a top-level approver unpins", "alice", "/unpin-issue", true, false, "Issue #1 has been unpinned from the repository." },
        { "a reviewer may not", "bob", "/pin-issue", false, false, "You are not authorized to pin or unpin issues on this repository. Only approvers from the top-level OWNERS file can use this command." },
        { "an approver of a subfolder may not", "carol", "/unpin-issue", true, true, "You are not authorized to pin or unpin issues on this repository. Only approvers from the top-level OWNERS file can use this command." },
    };

    [Theory]
    [MemberData(nameof(PinCases))]
    public async Task Pin_ForTopLevelApproversOnly(string name, string commenter, string body, bool before, bool after, string answer)
    {
        Assert.NotEmpty(name);
        await using var harness = await StartAsync();
        harness.FakeRepo.WithFile("main", "OWNERS", "approvers:\n- alice\nreviewers:\n- bob\n").WithFile("main", "docs/OWNERS", "approvers:\n- carol\n");
        harness.FakeRepo.AddIssue(1, "read me first", "bob").Pinned = before;

        await harness.RunAsync(Plugin(), "issue_comment", Webhooks.IssueComment(Repo, 1, body, commenter));

        Assert.Equal(after, harness.GitHub.Issue(Repo, 1).Pinned);
        Assert.StartsWith($"@{commenter}: {answer}", Assert.Single(harness.GitHub.CommentsOn(Repo, 1)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pin_OnAPullRequest_IsRefused()
    {
        await using var harness = await StartAsync();
        harness.FakeRepo.AddPullRequest(2, "change", "bob", "head2");

        await harness.RunAsync(Plugin(), "issue_comment", Webhooks.PullRequestComment(Repo, 2, "/pin-issue", "alice"));

        Assert.StartsWith("@alice: `/pin-issue` and `/unpin-issue` can only be triggered on GitHub issues.", Assert.Single(harness.GitHub.CommentsOn(Repo, 2)).Body, StringComparison.Ordinal);
    }

    private static async Task<PluginHarness> StartAsync()
    {
        var harness = await PluginHarness.StartAsync();
        harness.GitHub.State.AddRepo("org/dest");
        return harness;
    }
}
