using Prow.GrainInterfaces.ProwJobs;
using Prow.Grains.Plugins.TestFreeze;
using Prow.Services.JobIndex;

namespace Prow.Silo.Tests;

/// <summary>The testfreeze plugin's cases, in the manner of Prow's testfreeze test, against the fake GitHub and a job index.</summary>
public sealed class TestFreezePluginTests
{
    private const string KubernetesRepo = "kubernetes/kubernetes";
    private const string EnableForKubernetes = "  kubernetes: [testfreeze]\n";
    private const string NoFreeze = "tide:\n  queries:\n  - repos: [kubernetes/kubernetes]\n    labels: [lgtm]\n";
    private const string Excluding137 = "tide:\n  queries:\n  - repos: [kubernetes/kubernetes]\n    labels: [lgtm]\n    excludedBranches: [release-1.37]\n";
    private const string Excluding138 = "tide:\n  queries:\n  - repos: [kubernetes/kubernetes]\n    labels: [lgtm]\n    excludedBranches: [release-1.38]\n";

    private static readonly DateTimeOffset FastForwarded = new(2026, 12, 3, 10, 4, 5, TimeSpan.Zero);

    public static TheoryData<string, string, bool, string, string, string[], string[]> Cases => new()
    {
        // name, tide section, v1.37.0 tagged, action, base branch, pull request labels, what the comment says (none: no comment)
        { "test freeze: the branch is fast-forwarded", NoFreeze, false, "opened", "master", [], ["\n\n---\n\nWe're in [Test Freeze]", "for the `release-1.37` branch", "upcoming v1.37.0 release", "the most recent run was: Thu Dec  3 10:04:05 UTC 2026.\n"] },
        { "code and test freeze: milestone needs approval", Excluding137, false, "reopened", "master", [], ["Please note that we're already in [Code Freeze]", "for the upcoming v1.37.0 release.", "**Adding the milestone to this PR is strictly prohibited", "We're also in [Test Freeze]"] },
        { "code freeze with a bug fix", Excluding137, false, "opened", "master", ["kind/bug"], ["This PR is labeled `kind/bug`, so it **may** be included in the v1.37.0 release", "We're also in [Test Freeze]"] },
        { "released, code freeze for the next branch before it exists", Excluding138, true, "opened", "master", [], ["for the upcoming v1.38.0 release.", "to request adding the `v1.38.0` milestone"] },
        { "released and no freeze: nothing", NoFreeze, true, "opened", "master", [], [] },
        { "another branch: nothing", Excluding137, false, "opened", "release-1.37", [], [] },
        { "a push: nothing", Excluding137, false, "synchronize", "master", [], [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task KubernetesMasterPullRequest_IsToldAboutTheFreeze(string name, string tide, bool released, string action, string baseRef, string[] labels, string[] says)
    {
        Assert.NotEmpty(name);
        await using var harness = await StartAsync(released);
        var jobs = new MemoryProwJobIndex();
        await jobs.UpsertAsync(FastForward("ff-old", FastForwarded.AddHours(-6), "success"), CancellationToken.None);
        await jobs.UpsertAsync(FastForward("ff-new", FastForwarded, "success"), CancellationToken.None);
        await jobs.UpsertAsync(FastForward("ff-failed", FastForwarded.AddHours(6), "failure"), CancellationToken.None);

        await harness.RunAsync(new TestFreezePlugin(new FreezeChecker(jobs)), "pull_request", PullRequestWebhooks.Event(action, KubernetesRepo, 1, baseRef, labels: labels), EnableForKubernetes, configYaml: tide);

        var comments = harness.GitHub.CommentsOn(KubernetesRepo, 1);
        if (says.Length == 0)
        {
            Assert.Empty(comments);
            return;
        }

        var body = Assert.Single(comments).Body;
        Assert.All(says, s => Assert.Contains(s, body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TestFreezeOnly_IsProwsCommentWordForWord_WithAnUnknownFastForward()
    {
        await using var harness = await StartAsync(released: false);

        await harness.RunAsync(new TestFreezePlugin(new FreezeChecker(new MemoryProwJobIndex())), "pull_request", PullRequestWebhooks.Event("opened", KubernetesRepo, 1, "master"), EnableForKubernetes, configYaml: NoFreeze);

        Assert.Equal(
            "\n\n---\n\nWe're in [Test Freeze](https://github.com/kubernetes/sig-release/blob/master/releases/release_phases.md#test-freeze) for the `release-1.37` branch. This means every merged PR will be automatically fast-forwarded via the periodic [ci-fast-forward](https://testgrid.k8s.io/sig-release-releng-blocking#git-repo-kubernetes-fast-forward) job to the release branch of the upcoming v1.37.0 release.\n\nFast forwards are scheduled to happen every 6 hours, whereas the most recent run was: unknown.\n",
            Assert.Single(harness.GitHub.CommentsOn(KubernetesRepo, 1)).Body);
    }

    [Fact]
    public async Task OtherRepository_AsksGitHubNothing()
    {
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "bob", "head0001", "master");

        await harness.RunAsync(new TestFreezePlugin(new FreezeChecker(null)), "pull_request", PullRequestWebhooks.Event("opened", PluginHarness.Repo, 1, "master"), configYaml: Excluding137);

        Assert.Empty(harness.GitHub.Calls);
    }

    [Fact]
    public void UnixDate_PadsTheDayAsGoDoes() =>
        Assert.Equal(("Thu Dec  3 10:04:05 UTC 2026", "Sat Dec 12 00:00:00 UTC 2026"), (FreezeChecker.UnixDate(FastForwarded), FreezeChecker.UnixDate(new DateTimeOffset(2026, 12, 12, 1, 0, 0, TimeSpan.FromHours(1)))));

    /// <summary>kubernetes/kubernetes with release branches (1.9 sorts below 1.37 by number) and, when released, the v1.37.0 tag.</summary>
    private static async Task<PluginHarness> StartAsync(bool released)
    {
        var harness = await PluginHarness.StartAsync();
        var repo = harness.GitHub.State.AddRepo(KubernetesRepo, "master")
            .WithBranch("master", "m0").WithBranch("release-1.9", "r19").WithBranch("release-1.36", "r136").WithBranch("release-1.37", "r137").WithBranch("release-1.37-rc", "x");
        repo.Tags["v1.36.0"] = "t136";
        if (released)
        {
            repo.Tags["v1.37.0"] = "t137";
        }

        repo.AddPullRequest(1, "change", "bob", "head0001", "master");
        return harness;
    }

    private static ProwJob FastForward(string id, DateTimeOffset completed, string state) => new()
    {
        Metadata = new ProwJobMetadata { Name = id, CreationTimestamp = completed.AddMinutes(-10) },
        Spec = new ProwJobSpec { Type = ProwJobType.Periodic, Job = FreezeChecker.FastForwardJob },
        Status = new ProwJobStatus { StartTime = completed.AddMinutes(-10), CompletionTime = completed, State = state },
    };
}
