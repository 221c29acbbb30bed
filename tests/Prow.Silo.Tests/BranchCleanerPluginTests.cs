using Prow.Grains.Plugins.BranchCleaner;

namespace Prow.Silo.Tests;

/// <summary>The branchcleaner plugin's cases, in the manner of Prow's branchcleaner test, against the fake GitHub.</summary>
public sealed class BranchCleanerPluginTests
{
    private const string Repo = PluginHarness.Repo;
    private const string Config = "branch_cleaner:\n  preserved_branches:\n    org: [keep-me]\n    org/repo: ['^release-']\n";

    public static TheoryData<string, string, bool, string, string?, bool> Cases => new()
    {
        // name, action, merged, head branch, head repository (null: the same), deleted
        { "merged from a branch of the same repo: deleted", "closed", true, "feature", null, true },
        { "merged from a fork: left alone", "closed", true, "feature", "someone/repo", false },
        { "closed without merging: kept", "closed", false, "feature", null, false },
        { "opened: kept", "opened", false, "feature", null, false },
        { "preserved for the org by name", "closed", true, "keep-me", null, false },
        { "preserved for the repo by pattern", "closed", true, "release-1.2", null, false },
        { "a near miss of the pattern is deleted", "closed", true, "pre-release-1.2", null, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task MergedPullRequest_ItsBranchIsDeleted_UnlessForkedOrPreserved(string name, string action, bool merged, string headRef, string? headRepo, bool deleted)
    {
        Assert.NotEmpty(name);
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.WithBranch(headRef, "head0001");

        await harness.RunAsync(new BranchCleanerPlugin(), "pull_request", PullRequestWebhooks.Event(action, Repo, 1, headRef: headRef, merged: merged, headRepo: headRepo), Config);

        Assert.Equal(!deleted, harness.GitHub.State.Repo(Repo).Branches.ContainsKey(headRef));
        Assert.True(harness.GitHub.State.Repo(Repo).Branches.ContainsKey("main"));
        Assert.Equal(deleted ? 1 : 0, harness.GitHub.CallsTo("DELETE", $"/repos/org/repo/git/refs/heads/{headRef}").Count);
        Assert.Equal(deleted ? 1 : 0, harness.GitHub.Writes.Count);
    }

    [Fact]
    public async Task BranchWithSlashes_IsDeletedWhole()
    {
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.WithBranch("user/topic", "head0001").WithBranch("user", "other");

        await harness.RunAsync(new BranchCleanerPlugin(), "pull_request", PullRequestWebhooks.Event("closed", Repo, 1, headRef: "user/topic", merged: true));

        Assert.Equal(["main", "user"], harness.GitHub.State.Repo(Repo).Branches.Keys.Order(StringComparer.Ordinal));
    }
}
