using Prow.GrainInterfaces.Tide;
using Prow.Grains.Tide;

namespace Prow.Grains.Tests.Tide;

public sealed class PoolPlannerTests
{
    private const string Base = "base1";
    private static readonly IReadOnlyList<string> s_unit = ["unit"];

    [Fact]
    public void NoRequiredJobs_MergesTheLowestNumber()
    {
        var decision = PoolPlanner.Decide(Base, Pool(3, 1, 2), [], [], 0);

        Assert.Equal(TideActions.Merge, decision.Action);
        Assert.Equal([1], decision.Targets);
        Assert.Equal([1, 2, 3], decision.Successes);
    }

    [Fact]
    public void EmptyPool_Waits()
    {
        Assert.Equal(TideActions.Wait, PoolPlanner.Decide(Base, Pool(), [], s_unit, 0).Action);
    }

    [Fact]
    public void PassedAtTheCurrentBase_Merges()
    {
        var decision = PoolPlanner.Decide(Base, Pool(1, 2), [Single(2, "success")], s_unit, 0);

        Assert.Equal(TideActions.Merge, decision.Action);
        Assert.Equal([2], decision.Targets);
        Assert.Equal([1], decision.Missings);
    }

    [Fact]
    public void PassedAtAnOldBase_IsMissing()
    {
        var decision = PoolPlanner.Decide(Base, Pool(1), [Single(1, "success") with { BaseSha = "old" }], s_unit, 0);

        Assert.Equal(TideActions.Trigger, decision.Action);
        Assert.Equal([1], decision.Targets);
        Assert.Equal(s_unit, decision.Jobs);
    }

    [Fact]
    public void PassedAtAnOldBase_ByAStickyOverride_StillPasses_ButNotForANewHead()
    {
        var sticky = Single(1, "success") with { BaseSha = "old", SkipRetest = true };

        Assert.Equal(TideActions.Merge, PoolPlanner.Decide(Base, Pool(1), [sticky], s_unit, 0).Action);
        Assert.Equal(TideActions.Trigger, PoolPlanner.Decide(Base, Pool(1), [sticky with { Pulls = [new PoolJobPull(1, "old-head")] }], s_unit, 0).Action);
    }

    [Fact]
    public void PassedAtAnOldHead_IsMissing()
    {
        var decision = PoolPlanner.Decide(Base, Pool(1), [Single(1, "success") with { Pulls = [new PoolJobPull(1, "old-head")] }], s_unit, 0);

        Assert.Equal(TideActions.Trigger, decision.Action);
    }

    [Fact]
    public void SeveralMissing_TriggersABatchOfThemAll()
    {
        var decision = PoolPlanner.Decide(Base, Pool(3, 1, 2), [], s_unit, 0);

        Assert.Equal(TideActions.TriggerBatch, decision.Action);
        Assert.Equal([1, 2, 3], decision.Targets);
        Assert.Equal(s_unit, decision.Jobs);
    }

    [Theory]
    [InlineData(2, new[] { 1, 2 })]
    [InlineData(0, new[] { 1, 2, 3 })]
    public void BatchSizeLimit_TakesTheOldestFirst(int limit, int[] expected)
    {
        Assert.Equal(expected, PoolPlanner.Decide(Base, Pool(1, 2, 3), [], s_unit, limit).Targets);
    }

    [Fact]
    public void BatchesDisabled_RetestsOneAtATime()
    {
        var decision = PoolPlanner.Decide(Base, Pool(1, 2), [], s_unit, -1);

        Assert.Equal(TideActions.Trigger, decision.Action);
        Assert.Equal([1], decision.Targets);
    }

    [Fact]
    public void PassingBatch_MergesTheBatch()
    {
        var decision = PoolPlanner.Decide(Base, Pool(1, 2, 3), [Batch("success", 1, 2, 3)], s_unit, 0);

        Assert.Equal(TideActions.MergeBatch, decision.Action);
        Assert.Equal([1, 2, 3], decision.Targets);
    }

    [Fact]
    public void PendingBatch_WaitsEvenWithAPassingPullRequest()
    {
        var decision = PoolPlanner.Decide(Base, Pool(1, 2, 3), [Batch("pending", 1, 2), Single(3, "success")], s_unit, 0);

        Assert.Equal(TideActions.Wait, decision.Action);
        Assert.Equal([1, 2], decision.BatchPending);
    }

    [Fact]
    public void BatchWithAMovedHead_IsIgnored()
    {
        var moved = Pool(1, 2);
        moved[2] = "new-head";

        var decision = PoolPlanner.Decide(Base, moved, [Batch("success", 1, 2)], s_unit, 0);

        Assert.Equal(TideActions.TriggerBatch, decision.Action);
    }

    [Fact]
    public void FailedBatch_FallsBackToSingles()
    {
        var decision = PoolPlanner.Decide(Base, Pool(1, 2, 3), [Batch("failure", 1, 2, 3)], s_unit, 0);

        Assert.Equal(TideActions.Trigger, decision.Action);
        Assert.Equal([1], decision.Targets);
    }

    [Fact]
    public void SingleRetestRunning_Waits()
    {
        var decision = PoolPlanner.Decide(Base, Pool(1, 2, 3), [Batch("failure", 1, 2, 3), Single(1, "pending", byTide: true)], s_unit, 0);

        Assert.Equal(TideActions.Wait, decision.Action);
        Assert.Equal([1], decision.Pendings);
    }

    [Fact]
    public void FailedSingle_IsNotRetriggered()
    {
        var decision = PoolPlanner.Decide(Base, Pool(1, 2), [Batch("failure", 1, 2), Single(1, "failure", byTide: true)], s_unit, 0);

        Assert.Equal(TideActions.Trigger, decision.Action);
        Assert.Equal([2], decision.Targets);
    }

    [Fact]
    public void Trigger_StartsOnlyTheJobsNotPassedOrRunning()
    {
        var decision = PoolPlanner.Decide(Base, Pool(1), [Single(1, "success")], ["unit", "e2e"], 0);

        Assert.Equal(TideActions.Trigger, decision.Action);
        Assert.Equal(["e2e"], decision.Jobs);
    }

    [Fact]
    public void Priority_MergesAndRetestsRankedPullRequestsFirst()
    {
        var ranks = new Dictionary<int, int> { [3] = 0, [2] = 1 };

        Assert.Equal([3], PoolPlanner.Decide(Base, Pool(1, 2, 3), [], [], 0, ranks).Targets);
        Assert.Equal([2], PoolPlanner.Decide(Base, Pool(1, 2), [], s_unit, -1, ranks).Targets);
        Assert.Equal([2, 3], PoolPlanner.Decide(Base, Pool(1, 2, 3), [], s_unit, 2, ranks).Targets);
    }

    [Fact]
    public void PriorityRank_IsTheFirstSetWhoseLabelsAreAllPresent()
    {
        IReadOnlyList<IReadOnlyList<string>> sets = [["kind/bug", "priority/critical-urgent"], ["kind/bug,kind/regression"]];

        Assert.Equal(0, TidePriority.Rank(sets, ["priority/critical-urgent", "kind/bug"]));
        Assert.Equal(1, TidePriority.Rank(sets, ["kind/regression"]));
        Assert.Null(TidePriority.Rank(sets, ["priority/critical-urgent"]));
    }

    private static Dictionary<int, string> Pool(params int[] numbers) => numbers.ToDictionary(n => n, n => $"head{n}");

    private static PoolJob Single(int number, string state, bool byTide = false) =>
        new($"single-{number}-{state}", "unit", "unit", "presubmit", Base, [new PoolJobPull(number, $"head{number}")], state, byTide);

    private static PoolJob Batch(string state, params int[] numbers) =>
        new($"batch-{string.Join('-', numbers)}", "unit", "unit", "batch", Base, [.. numbers.Select(n => new PoolJobPull(n, $"head{n}"))], state, true);
}
