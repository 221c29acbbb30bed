using Prow.Config;
using Prow.Config.Components;
using Prow.GrainInterfaces.Tide;
using Prow.Grains.Tide;

namespace Prow.Grains.Tests.Tide;

public sealed class PoolMembershipTests : IDisposable
{
    private static readonly TideQuery s_query = new() { Repos = ["org/repo"], Labels = ["lgtm", "approved"], MissingLabels = ["do-not-merge/hold"] };
    private readonly YamlConfig _config = new();

    [Theory]
    [InlineData(new[] { "lgtm", "approved" }, "success", "In merge pool.")]
    [InlineData(new string[0], "pending", "Not mergeable. Needs lgtm, approved labels.")]
    [InlineData(new[] { "approved" }, "pending", "Not mergeable. Needs lgtm label.")]
    [InlineData(new[] { "lgtm", "approved", "do-not-merge/hold" }, "pending", "Not mergeable. Should not have do-not-merge/hold label.")]
    public void Labels_DecideAndExplain(string[] labels, string state, string description)
    {
        var (_, status) = Evaluate(Pull(labels), Green());

        Assert.Equal(new TideStatus(state, description), status);
    }

    [Fact]
    public void ClosestQuery_IsTheOneExplained()
    {
        var other = new TideQuery { Repos = ["org/repo"], Labels = ["a", "b", "c"], Author = "bob" };

        var (_, status) = Evaluate(Pull("lgtm"), Green(), [other, s_query]);

        Assert.Equal("Not mergeable. Needs approved label.", status.Description);
    }

    [Fact]
    public void FailedRequiredJob_KeepsItOut()
    {
        var (inPool, status) = Evaluate(Pull("lgtm", "approved"), Green("unit", "failure"));

        Assert.False(inPool);
        Assert.Equal("Not mergeable. Job unit has not succeeded.", status.Description);
    }

    [Fact]
    public void MissingOrPendingProwJob_StaysInThePool_SoTideCanRunIt()
    {
        var missing = Green();
        missing.Remove("unit");
        Assert.True(Evaluate(Pull("lgtm", "approved"), missing).InPool);
        Assert.True(Evaluate(Pull("lgtm", "approved"), Green("unit", "pending")).InPool);
    }

    [Fact]
    public void ExternalRequiredContext_MustHavePassed()
    {
        var (inPool, status) = Evaluate(Pull("lgtm", "approved"), Green("ci/external", "pending"));

        Assert.False(inPool);
        Assert.Equal("Not mergeable. Job ci/external has not succeeded.", status.Description);
    }

    [Fact]
    public void OptionalAndTideContexts_AreIgnored_UnknownOnesAreNot()
    {
        var contexts = Green();
        contexts["lint"] = "failure";
        contexts["tide"] = "pending";
        contexts["docs/preview"] = "failure";

        Assert.True(Evaluate(Pull("lgtm", "approved"), contexts).InPool);
        contexts["mystery"] = "failure";
        Assert.Equal("Not mergeable. Job mystery has not succeeded.", Evaluate(Pull("lgtm", "approved"), contexts).Status.Description);
    }

    [Fact]
    public void Conflict_Draft_AndRefusedMerge_AreReported()
    {
        var contexts = Green();
        Assert.Equal(TideStatus.Conflict, Evaluate(Pull("lgtm", "approved") with { Mergeable = false }, contexts).Status);
        Assert.Equal(TideStatus.Draft, Evaluate(Pull("lgtm", "approved") with { Draft = true }, contexts).Status);
        var refused = Evaluate(Pull("lgtm", "approved"), contexts, mergeFailure: "Required status check \"x\" is expected.").Status;
        Assert.Equal("error", refused.State);
        Assert.StartsWith("Not mergeable. Merge failed: Required status check", refused.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void ReviewApprovedRequired_NeedsAnApprovingReview()
    {
        var query = s_query with { ReviewApprovedRequired = true };
        var contexts = Green();

        Assert.Equal("Not mergeable. PullRequest is missing sufficient approving GitHub review(s)", Evaluate(Pull("lgtm", "approved"), contexts, [query]).Status.Description);
        Assert.True(Evaluate(Pull("lgtm", "approved"), contexts, [query], approved: true).InPool);
    }

    [Theory]
    [InlineData("block", false, "error", "Not mergeable. PR is blocked from merging by GitHub (check branch protection, required reviews, or rulesets)")]
    [InlineData("permit", true, "success", "In merge pool (despite BLOCKED).")]
    [InlineData("ignore", true, "success", "In merge pool.")]
    public void GitHubMergeBlocksPolicy_DecidesWhatABlockedPullRequestDoes(string policy, bool inPool, string state, string description)
    {
        var blocked = Pull("lgtm", "approved") with { MergeableState = "blocked" };

        var result = PoolMembership.Evaluate(blocked, Green(), null, [s_query], Requirements(), null, policy);

        Assert.Equal((inPool, new TideStatus(state, description)), result);
        Assert.Equal((true, TideStatus.InPool), PoolMembership.Evaluate(Pull("lgtm", "approved") with { MergeableState = "clean" }, Green(), null, [s_query], Requirements(), null, "block"));
    }

    [Fact]
    public void DisplayAllQueries_SaysWhatEachQueryForTheBranchNeeds_JoinedByOr()
    {
        var other = new TideQuery { Repos = ["org/repo"], Labels = ["ok-to-merge"] };
        var release = new TideQuery { Repos = ["org/repo"], Labels = ["cherry-pick-approved"], IncludedBranches = ["release-1.0"] };

        var (_, status) = PoolMembership.Evaluate(Pull("lgtm"), Green(), null, [s_query, other, release], Requirements(), null, displayAllQueries: true);
        Assert.Equal("Not mergeable. Needs approved label OR Needs ok-to-merge label.", status.Description);

        var (_, none) = PoolMembership.Evaluate(Pull("lgtm"), Green(), null, [release], Requirements(), null, displayAllQueries: true);
        Assert.Equal("Not mergeable. No Tide query for branch main found.", none.Description);
    }

    [Fact]
    public void Retesting_NamesTheJobs_OrCountsThemWhenTheyDoNotFit()
    {
        Assert.Equal(new TideStatus("pending", "Not mergeable. Retesting: e2e unit"), TideStatus.Retesting(["unit", "e2e"]));
        var many = Enumerable.Range(1, 12).Select(i => $"pull-kubernetes-job-{i}").ToList();
        Assert.Equal("Not mergeable. Retesting 12 jobs.", TideStatus.Retesting(many).Description);
    }

    public void Dispose() => _config.Dispose();

    private (bool InPool, TideStatus Status) Evaluate(PoolPullRequest pull, Dictionary<string, string> contexts, IReadOnlyList<TideQuery>? queries = null, bool? approved = null, string? mergeFailure = null) =>
        PoolMembership.Evaluate(pull, contexts, approved, queries ?? [s_query], Requirements(), mergeFailure);

    private ContextRequirements Requirements()
    {
        var snapshot = _config.Load(
            """
            tide:
              context_options:
                required-contexts: [ci/external]
                optional-contexts: [docs/preview]
            """,
            """
            presubmits:
              org/repo:
              - name: unit
                always_run: true
                spec: {containers: [{image: alpine, command: ["true"]}]}
              - name: lint
                always_run: true
                optional: true
                spec: {containers: [{image: alpine, command: ["true"]}]}
            """);
        var requirements = ContextRequirements.For(snapshot, "org", "repo", "main");
        Assert.Equal(["unit"], requirements.RequiredJobs.Select(j => j.Name));
        return requirements;
    }

    private static Dictionary<string, string> Green(string? context = null, string? state = null)
    {
        var contexts = new Dictionary<string, string> { ["unit"] = "success", ["ci/external"] = "success" };
        if (context is not null)
        {
            contexts[context] = state!;
        }

        return contexts;
    }

    private static PoolPullRequest Pull(params string[] labels) =>
        new(1, "head1", "feature", "main", "a change", "", "alice", labels, null, Draft: false, Mergeable: true, Open: true);
}
