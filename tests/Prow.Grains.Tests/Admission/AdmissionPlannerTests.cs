using Prow.Config.Components;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Grains.Admission;

namespace Prow.Grains.Tests.Admission;

public sealed class AdmissionPlannerTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NoLimits_AdmitsEveryWaitingJob()
    {
        var plan = Plan([], [Job("a", "build", at: 1), Job("b", "build", at: 2)], new PlankConfig());

        Assert.Equal(["a", "b"], Ids(plan));
        Assert.Empty(plan.WaitReasons);
    }

    [Fact]
    public void PlankMaxConcurrency_CountsEveryAdmittedJob_WhateverItsName()
    {
        var plan = Plan([Job("run1", "lint", at: 0)], [Job("a", "build", at: 1), Job("b", "test", at: 2)], new PlankConfig { MaxConcurrency = 2 });

        Assert.Equal(["a"], Ids(plan));
        Assert.Equal("Waiting: plank's max_concurrency 2 reached.", plan.WaitReasons["b"]);
    }

    [Fact]
    public void JobMaxConcurrency_CountsRunsOfTheName_OldestWaitingFirst()
    {
        // Given newest first, the oldest of the name is still admitted first.
        var plan = Plan([Job("run1", "build", max: 2, at: 0)], [Job("young", "build", max: 2, at: 5), Job("old", "build", max: 2, at: 3), Job("other", "lint", at: 4)], new PlankConfig());

        Assert.Equal(["old", "other"], Ids(plan));
        Assert.Equal("Waiting: max_concurrency 2 of build reached.", plan.WaitReasons["young"]);
    }

    [Fact]
    public void OlderWaitingRunOfTheName_HoldsAYoungerOneBack_AsProwCountsPendingOrOlderTriggered()
    {
        // The older run waits for its full queue; the younger has no queue but may not overtake it.
        var plank = new PlankConfig { JobQueueCapacities = new Dictionary<string, int> { ["gpu"] = 1 } };
        var plan = Plan([Job("gpu-run", "other", queue: "gpu", at: 0)], [Job("old", "build", max: 1, queue: "gpu", at: 1), Job("young", "build", max: 1, at: 2)], plank);

        Assert.Empty(plan.Admit);
        Assert.Equal("Waiting: job queue gpu is full (1 at once).", plan.WaitReasons["old"]);
        Assert.Equal("Waiting: max_concurrency 1 of build reached.", plan.WaitReasons["young"]);
    }

    [Theory]
    [InlineData(3, "a,b", "Waiting: job queue q is full (3 at once).")]
    [InlineData(2, "a", "Waiting: job queue q is full (2 at once).")]
    [InlineData(0, "", "Waiting: job queue q has capacity 0.")]
    [InlineData(-1, "a,b,c", null)]
    public void JobQueueCapacity_LimitsTheQueueAcrossJobNames(int capacity, string admitted, string? reasonForC)
    {
        var plank = new PlankConfig { JobQueueCapacities = new Dictionary<string, int> { ["q"] = capacity, ["other"] = 1 } };
        var plan = Plan(
            [Job("run1", "x", queue: "q", at: 0), Job("run2", "y", queue: "other", at: 0)],
            [Job("c", "three", queue: "q", at: 3), Job("a", "one", queue: "q", at: 1), Job("b", "two", queue: "q", at: 2)],
            plank);

        Assert.Equal(admitted.Split(',', StringSplitOptions.RemoveEmptyEntries), Ids(plan));
        Assert.Equal(reasonForC, plan.WaitReasons.GetValueOrDefault("c"));
    }

    [Fact]
    public void QueueMissingFromJobQueueCapacities_NeverAdmits()
    {
        var plan = Plan([], [Job("a", "build", queue: "nowhere", at: 1), Job("b", "lint", at: 2)], new PlankConfig());

        Assert.Equal(["b"], Ids(plan));
        Assert.Equal("Waiting: job queue nowhere is not in plank's job_queue_capacities.", plan.WaitReasons["a"]);
    }

    private static AdmissionPlan Plan(IEnumerable<JobAdmissionRequest> admitted, IEnumerable<JobAdmissionRequest> waiting, PlankConfig plank) =>
        AdmissionPlanner.Plan(admitted, [.. waiting.Order(AdmissionPlanner.Order)], plank);

    private static string[] Ids(AdmissionPlan plan) => [.. plan.Admit.Select(j => j.JobId)];

    private static JobAdmissionRequest Job(string id, string name, int max = 0, string? queue = null, int at = 0) =>
        new(id, name, max, queue, s_t0.AddSeconds(at));
}
