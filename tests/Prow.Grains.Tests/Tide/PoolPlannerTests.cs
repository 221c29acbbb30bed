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
        // Batches take the oldest pull requests, as Prow's pickBatch does, whatever their priority.
        Assert.Equal([1, 2], PoolPlanner.Decide(Base, Pool(1, 2, 3), [], s_unit, 2, ranks).Targets);
    }

    [Fact]
    public void PriorityRank_IsTheFirstSetWhoseLabelsAreAllPresent()
    {
        IReadOnlyList<IReadOnlyList<string>> sets = [["kind/bug", "priority/critical-urgent"], ["kind/bug,kind/regression"]];

        Assert.Equal(0, TidePriority.Rank(sets, ["priority/critical-urgent", "kind/bug"]));
        Assert.Equal(1, TidePriority.Rank(sets, ["kind/regression"]));
        Assert.Null(TidePriority.Rank(sets, ["priority/critical-urgent"]));
    }

    [Fact]
    public void TrialMergePick_DecidesTheBatch_AndABatchOfOneRetestsIt()
    {
        var decision = PoolPlanner.Decide(Base, Pool(1, 2, 3), [], s_unit, 3, batching: new PoolBatching { Pick = c => [.. c.Where(n => n != 2)] });
        Assert.Equal(TideActions.TriggerBatch, decision.Action);
        Assert.Equal([1, 3], decision.Targets);

        var alone = PoolPlanner.Decide(Base, Pool(1, 2), [], s_unit, 3, batching: new PoolBatching { Pick = c => [c[0]] });
        Assert.Equal(TideActions.Trigger, alone.Action);
        Assert.Equal([1], alone.Targets);
    }

    [Fact]
    public void ExistingBatchWithPassedJobs_IsPickedAgain_UnlessPrioritizeExistingBatchesIsOff()
    {
        // unit passed for the batch of 1 and 2; e2e never ran for it (it was added later).
        IReadOnlyList<PoolJob> jobs = [Batch("success", 1, 2)];
        IReadOnlyList<string> required = ["unit", "e2e"];

        var existing = PoolPlanner.Decide(Base, Pool(1, 2, 3), jobs, required, 0);
        Assert.Equal(TideActions.TriggerBatch, existing.Action);
        Assert.Equal([1, 2], existing.Targets);

        var fresh = PoolPlanner.Decide(Base, Pool(1, 2, 3), jobs, required, 0, batching: new PoolBatching { PrioritizeExistingBatches = false });
        Assert.Equal([1, 2, 3], fresh.Targets);
    }

    [Fact]
    public void Bisection_FailedBatch_TestsBothHalvesAtOnce_AndRemembersIt()
    {
        var decision = PoolPlanner.Decide(Base, Pool(1, 2, 3, 4, 5), [Batch("failure", 1, 2, 3, 4, 5)], s_unit, 0, batching: Bisecting([]));

        Assert.Equal(TideActions.TriggerBatch, decision.Action);
        Assert.Equal(["1,2,3", "4,5"], decision.Groups.Select(g => string.Join(",", g)));
        Assert.Equal(["1,2,3,4,5"], Keys(decision.Suspects));
    }

    [Fact]
    public void Bisection_FailedHalf_NarrowsTheSuspect_AndWaitsForTheRunningHalf()
    {
        var decision = PoolPlanner.Decide(Base, Pool(1, 2, 3, 4), [Batch("failure", 1, 2, 3, 4), Batch("pending", 1, 2), Batch("failure", 3, 4)], s_unit, 0, batching: Bisecting([Group(1, 2, 3, 4)]));

        Assert.Equal(TideActions.Wait, decision.Action);
        Assert.Equal(["3,4"], Keys(decision.Suspects));
    }

    [Fact]
    public void Bisection_PassingHalf_Merges_AndTheSuspectKeepsTheRestAfterTheBaseMoves()
    {
        var merge = PoolPlanner.Decide(Base, Pool(1, 2, 3, 4), [Batch("failure", 1, 2, 3, 4), Batch("success", 1, 2), Batch("pending", 3, 4)], s_unit, 0, batching: Bisecting([Group(1, 2, 3, 4)]));
        Assert.Equal(TideActions.MergeBatch, merge.Action);
        Assert.Equal([1, 2], merge.Targets);

        // Merged: 1 and 2 left the pool; at the new base nothing has run yet.
        var next = PoolPlanner.Decide("base2", Pool(3, 4), [], s_unit, 0, batching: Bisecting(merge.Suspects!));
        Assert.Equal(TideActions.Trigger, next.Action);
        Assert.Equal(["3", "4"], next.Groups.Select(g => string.Join(",", g)));
        Assert.Equal(["3,4"], Keys(next.Suspects));
    }

    [Fact]
    public void Bisection_SuspectFailingAlone_IsTheCulprit_AndPassingMergesWaitForIt()
    {
        var open = Pool(3, 4);
        IReadOnlyList<PoolJob> jobs = [Single(3, "failure", byTide: true), Single(4, "pending", byTide: true)];
        // 3's failed context has already taken it out of the pool; it is still open at the same head.
        var decision = PoolPlanner.Decide(Base, Pool(4), jobs, s_unit, 0, batching: Bisecting([Group(3, 4)]) with { Open = open });

        var culprit = Assert.Single(decision.Culprits);
        Assert.Equal(new PoolJobPull(3, "head3"), culprit.Pull);
        Assert.Equal(s_unit, culprit.FailedJobs);
        Assert.Empty(decision.Suspects!);

        var held = PoolPlanner.Decide(Base, Pool(4, 5), [Single(5, "success"), Single(4, "pending", byTide: true)], s_unit, 0, batching: Bisecting([Group(4)]));
        Assert.Equal(TideActions.Wait, held.Action);
    }

    [Fact]
    public void Bisection_SuspectsAreNotBatchedAgain()
    {
        var decision = PoolPlanner.Decide(Base, Pool(1, 2, 3, 4), [Batch("pending", 1, 2)], s_unit, 0, batching: Bisecting([Group(1, 2)]));
        Assert.Equal(TideActions.Wait, decision.Action);

        var others = PoolPlanner.Decide(Base, Pool(1, 2, 3, 4), [Single(1, "success"), Single(2, "failure")], s_unit, 0, batching: Bisecting([Group(1, 2)]));
        Assert.Equal(TideActions.Merge, others.Action);
        Assert.Empty(others.Suspects!);
        Assert.Single(others.Culprits);
    }

    [Fact]
    public void BisectionOff_KeepsNoSuspects()
    {
        var decision = PoolPlanner.Decide(Base, Pool(1, 2, 3), [Batch("failure", 1, 2, 3)], s_unit, 0);

        Assert.Null(decision.Suspects);
        Assert.Equal(TideActions.Trigger, decision.Action);
    }

    private static PoolBatching Bisecting(IReadOnlyList<IReadOnlyList<PoolJobPull>> suspects) => new() { Suspects = suspects };

    private static IReadOnlyList<PoolJobPull> Group(params int[] numbers) => [.. numbers.Select(n => new PoolJobPull(n, $"head{n}"))];

    private static List<string> Keys(IReadOnlyList<IReadOnlyList<PoolJobPull>>? suspects) => [.. (suspects ?? []).Select(g => string.Join(",", g.Select(p => p.Number)))];

    private static Dictionary<int, string> Pool(params int[] numbers) => numbers.ToDictionary(n => n, n => $"head{n}");

    private static PoolJob Single(int number, string state, bool byTide = false) =>
        new($"single-{number}-{state}", "unit", "unit", "presubmit", Base, [new PoolJobPull(number, $"head{number}")], state, byTide);

    private static PoolJob Batch(string state, params int[] numbers) =>
        new($"batch-{string.Join('-', numbers)}-{state}", "unit", "unit", "batch", Base, [.. numbers.Select(n => new PoolJobPull(n, $"head{n}"))], state, true);
}
