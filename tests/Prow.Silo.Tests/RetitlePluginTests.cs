namespace Prow.Silo.Tests;

public sealed class RetitlePluginTests
{
    private const string Repo = PluginTestHost.Repo;

    [Fact]
    public async Task Retitle_ByATrustedUser_ChangesTheTitle_OthersAreRefused()
    {
        await using var host = await PluginTestHost.StartAsync("", "retitle");
        host.FakeRepo.AddPullRequest(1, "old title", "mallory", "sha1");
        host.FakeRepo.AddIssue(2, "old issue", "mallory");

        await host.SendAsync("issue_comment", Webhooks.PullRequestComment(Repo, 1, "/retitle Better title", "mallory", prAuthor: "mallory"), pullRequest: 1);
        Assert.Equal("old title", host.GitHub.Issue(Repo, 1).Title);
        Assert.StartsWith("@mallory: Only trusted users, such as collaborators on the repository, can retitle issues and pull requests.",
            Assert.Single(host.GitHub.CommentsOn(Repo, 1)).Body, StringComparison.Ordinal);

        await host.SendAsync("issue_comment", Webhooks.PullRequestComment(Repo, 1, "/retitle Better title", "alice", prAuthor: "mallory"), pullRequest: 1);
        await host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 2, "/retitle Clearer issue", "alice"));

        Assert.Equal("Better title", host.GitHub.Issue(Repo, 1).Title);
        Assert.Equal("Clearer issue", host.GitHub.Issue(Repo, 2).Title);
    }

    [Theory]
    [InlineData("/retitle", "Titles cannot be empty.")]
    [InlineData("/retitle Ping @someone", "Titles cannot contain @-mentions")]
    [InlineData("/retitle Fixes #12", "Titles cannot contain @-mentions or [keywords that close issues]")]
    public async Task Retitle_EmptyMentionOrClosingKeyword_IsRefused(string command, string reply)
    {
        await using var host = await PluginTestHost.StartAsync("", "retitle");
        host.FakeRepo.AddIssue(3, "title", "alice");

        await host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 3, command, "alice"));

        Assert.Equal("title", host.GitHub.Issue(Repo, 3).Title);
        Assert.StartsWith("@alice: " + reply, Assert.Single(host.GitHub.CommentsOn(Repo, 3)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retitle_OnAClosedIssue_OnlyWhenAllowClosedIssues()
    {
        await using var strict = await PluginTestHost.StartAsync("", "retitle");
        strict.FakeRepo.AddIssue(4, "closed one", "alice").State = "closed";
        await strict.SendAsync("issue_comment", WebhookEdits.OnClosed(Webhooks.IssueComment(Repo, 4, "/retitle Renamed", "alice")));
        Assert.Empty(strict.GitHub.Writes);

        await using var lenient = await PluginTestHost.StartAsync("", "retitle", extraPluginsYaml: "retitle: {allow_closed_issues: true}\n");
        lenient.FakeRepo.AddIssue(4, "closed one", "alice").State = "closed";
        await lenient.SendAsync("issue_comment", WebhookEdits.OnClosed(Webhooks.IssueComment(Repo, 4, "/retitle Renamed", "alice")));
        Assert.Equal("Renamed", lenient.GitHub.Issue(Repo, 4).Title);
    }
}
