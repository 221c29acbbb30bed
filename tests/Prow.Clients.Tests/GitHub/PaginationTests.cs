using Prow.FakeGitHub;

namespace Prow.Clients.Tests.GitHub;

public sealed class PaginationTests
{
    private static readonly CancellationToken _none = CancellationToken.None;

    [Fact]
    public async Task List_FollowsLinkHeaders_UntilNoNext()
    {
        await using var h = await GitHubHarness.StartAsync(o => o.PerPage = 4);
        h.FakeRepo.AddIssue(1, "t", "bob");
        for (var i = 0; i < 10; i++)
        {
            await h.Client.CreateCommentAsync("org", "repo", 1, "c" + i, _none);
        }

        var comments = await h.Client.ListIssueCommentsAsync("org", "repo", 1, _none);

        Assert.Equal(Enumerable.Range(0, 10).Select(i => "c" + i), comments.Select(c => c.Body));
        var pages = h.Server.CallsTo("GET", "/repos/org/repo/issues/1/comments");
        Assert.Equal(["?per_page=4", "?per_page=4&page=2", "?per_page=4&page=3"], pages.Select(p => p.Query));
    }

    [Fact]
    public async Task List_LinkNamingAnotherHost_IsFollowedOnTheConfiguredEndpoint()
    {
        // ghproxy passes GitHub's Link headers through: they name api.github.com, not the proxy.
        await using var h = await GitHubHarness.StartAsync(o => o.PerPage = 1);
        var pr = h.FakeRepo.AddPullRequest(2, "t", "alice", "s");
        pr.Files.AddRange([new FakeChangedFile("a"), new FakeChangedFile("b")]);
        h.Server.LinkBaseAddress = new Uri("https://api.github.com");

        var files = await h.Client.ListPullRequestFilesAsync("org", "repo", 2, _none);

        Assert.Equal(["a", "b"], files.Select(f => f.Filename));
        Assert.Equal(2, h.Server.CallsTo("GET", "/repos/org/repo/pulls/2/files").Count);
    }
}
