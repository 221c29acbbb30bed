using Prow.Clients.GitHub;
using Prow.FakeGitHub;

namespace Prow.Clients.Tests.GitHub;

public sealed class StatusClientTests
{
    private static readonly CancellationToken _none = CancellationToken.None;

    [Fact]
    public async Task CreateStatus_Then_ListAndCombined_SeeIt()
    {
        await using var h = await GitHubHarness.StartAsync();

        await h.Client.CreateStatusAsync("org", "repo", "abc", new NewCommitStatus { State = StatusState.Pending, Context = "unit", Description = "Job triggered.", TargetUrl = "https://prow/1" }, _none);
        await h.Client.CreateStatusAsync("org", "repo", "abc", new NewCommitStatus { State = StatusState.Success, Context = "unit", Description = "Job succeeded." }, _none);
        await h.Client.CreateStatusAsync("org", "repo", "abc", new NewCommitStatus { State = StatusState.Failure, Context = "lint" }, _none);
        var all = await h.Client.ListStatusesAsync("org", "repo", "abc", _none);
        var combined = await h.Client.GetCombinedStatusAsync("org", "repo", "abc", _none);

        var stored = h.Server.StatusesFor(GitHubHarness.Repo, "abc");
        Assert.Equal(["failure", "success", "pending"], stored.Select(s => s.State));
        Assert.Equal("https://prow/1", stored[2].TargetUrl);
        Assert.Equal([StatusState.Failure, StatusState.Success, StatusState.Pending], all.Select(s => s.State));
        Assert.Equal(StatusState.Failure, combined.State);
        Assert.Equal([("lint", StatusState.Failure), ("unit", StatusState.Success)], combined.Statuses.Select(s => (s.Context, s.State)).OrderBy(s => s.Context));
    }

    [Fact]
    public async Task GetCombinedStatus_ManyContextsOverPages_CollectsAllAndKeepsState()
    {
        await using var h = await GitHubHarness.StartAsync(o => o.PerPage = 2);
        for (var i = 0; i < 5; i++)
        {
            await h.Client.CreateStatusAsync("org", "repo", "sha5", new NewCommitStatus { State = StatusState.Success, Context = "job-" + i }, _none);
        }

        var combined = await h.Client.GetCombinedStatusAsync("org", "repo", "sha5", _none);

        Assert.Equal(StatusState.Success, combined.State);
        Assert.Equal(5, combined.Statuses.Count);
        Assert.Equal("sha5", combined.Sha);
    }

    [Fact]
    public async Task ListCheckRuns_ByBranchName_ResolvesHeadAndReturnsRuns()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.FakeRepo.CheckRuns["base0001"] = [new FakeCheckRun(1, "build", "completed", "success"), new FakeCheckRun(2, "e2e", "in_progress", null)];

        var runs = await h.Client.ListCheckRunsAsync("org", "repo", "main", _none);

        Assert.Equal([("build", "completed", "success"), ("e2e", "in_progress", null)], runs.Select(r => (r.Name, r.Status, r.Conclusion)));
        Assert.All(runs, r => Assert.Equal("base0001", r.HeadSha));
    }
}
