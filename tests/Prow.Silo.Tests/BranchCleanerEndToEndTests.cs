namespace Prow.Silo.Tests;

/// <summary>branchcleaner through the host: a merged pull request's branch goes, a preserved one stays.</summary>
public sealed class BranchCleanerEndToEndTests
{
    private const string Repo = PluginTestHost.Repo;

    [Fact]
    public async Task MergedPullRequests_TheirBranchesAreDeleted_ExceptPreservedOnes()
    {
        await using var host = await PluginTestHost.StartAsync("", "branchcleaner", extraPluginsYaml: "branch_cleaner:\n  preserved_branches:\n    org/repo: ['^release-']\n", seed: repo =>
        {
            repo.WithBranch("feature", "head0001").WithBranch("release-1.0", "head0002");
            repo.AddPullRequest(1, "change", "alice", "head0001", headRef: "feature");
            repo.AddPullRequest(2, "backport", "alice", "head0002", headRef: "release-1.0");
        });

        await host.SendAsync("pull_request", PullRequestWebhooks.Event("closed", Repo, 1, headRef: "feature", merged: true), pullRequest: 1);
        await host.SendAsync("pull_request", PullRequestWebhooks.Event("closed", Repo, 2, headRef: "release-1.0", merged: true), pullRequest: 2);

        Assert.Equal(["main", "release-1.0"], host.GitHub.State.Repo(Repo).Branches.Keys.Order(StringComparer.Ordinal));
        Assert.Single(host.GitHub.CallsTo("DELETE", "/repos/org/repo/git/refs/heads/feature"));
    }
}
