using Prow.Grains.Plugins.MilestoneApplier;

namespace Prow.Silo.Tests;

/// <summary>The milestoneapplier plugin's cases, in the manner of Prow's milestoneapplier test, against the fake GitHub.</summary>
public sealed class MilestoneApplierPluginTests
{
    private const string Repo = PluginHarness.Repo;
    private const string Config = "milestone_applier:\n  org/repo:\n    main: v1.1\n    release-1.0: v1.0\n    release-0.8: v0.8\n";

    public static TheoryData<string, string, string, bool, string?, string?> Cases => new()
    {
        // name, action, base branch, merged, milestone before, milestone after
        { "merged into the default branch", "closed", "main", true, null, "v1.1" },
        { "merged into the default branch, replacing another milestone", "closed", "main", true, "v1.0", "v1.1" },
        { "merged with the milestone already set: nothing", "closed", "main", true, "v1.1", "v1.1" },
        { "closed without merging: nothing", "closed", "main", false, null, null },
        { "opened against the default branch: not yet", "opened", "main", false, null, null },
        { "opened against a release branch: at once", "opened", "release-1.0", false, null, "v1.0" },
        { "merged into a release branch", "closed", "release-1.0", true, null, "v1.0" },
        { "pushed to a release branch: only opening and merging count", "synchronize", "release-1.0", false, null, null },
        { "a branch with no milestone configured: nothing", "closed", "feature-x", true, null, null },
        { "a configured milestone the repo lacks: nothing changes", "closed", "release-0.8", true, null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task PullRequest_GetsTheBranchMilestone_OnMergeOrOpeningOffDefault(string name, string action, string baseRef, bool merged, string? before, string? after)
    {
        Assert.NotEmpty(name);
        await using var harness = await MilestonePluginTests.StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "bob", "head1", baseRef).Milestone = before;

        await harness.RunAsync(new MilestoneApplierPlugin(), "pull_request", PullRequestWebhooks.Event(action, Repo, 1, baseRef, merged: merged, milestone: before), Config);

        Assert.Equal(after, harness.GitHub.Issue(Repo, 1).Milestone);
        Assert.Equal(after != before ? 1 : 0, harness.GitHub.Writes.Count);
    }

    [Fact]
    public async Task RepoWithoutConfiguration_AsksGitHubNothing()
    {
        await using var harness = await MilestonePluginTests.StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "bob", "head1");

        await harness.RunAsync(new MilestoneApplierPlugin(), "pull_request", PullRequestWebhooks.Event("closed", Repo, 1, merged: true), "milestone_applier:\n  org/other:\n    main: v1.1\n");

        Assert.Empty(harness.GitHub.Calls);
    }
}
