using Prow.GrainInterfaces.ProwJobs;
using Prow.Grains.ProwJobs;

namespace Prow.Grains.Tests.ProwJobs;

/// <summary>Plank's transitions and the effects they ask for, without a runtime.</summary>
public sealed class ProwJobPlankTests
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    private static ProwJob Triggered() => new()
    {
        Metadata = new ProwJobMetadata { Name = "j1" },
        Spec = new ProwJobSpec { Job = "unit", Report = true, Context = "unit" },
        Status = new ProwJobStatus { StartTime = s_now, State = ProwJobState.Triggered },
    };

    [Fact]
    public void Created_ReportsAndAsksForASlot()
    {
        Assert.Equal([ProwJobEffect.Report, ProwJobEffect.NotifyTide, ProwJobEffect.RequestSlot], ProwJobPlank.Created(Triggered()).Effects);
    }

    [Fact]
    public void CreatedAlreadyEnded_ReportsAndLeavesTheActiveSetAfterIt()
    {
        var ended = ProwJobStateMachine.Complete(Triggered(), ProwJobState.Error, "Unknown build cluster", s_now);

        var effects = ProwJobPlank.Created(ended).Effects.Order().ToList();

        Assert.True(effects.IndexOf(ProwJobEffect.Report) < effects.IndexOf(ProwJobEffect.LeaveActiveSet));
        Assert.DoesNotContain(ProwJobEffect.RequestSlot, effects);
    }

    [Fact]
    public void Started_IsPendingWritesStartedReportsAndRuns()
    {
        var started = ProwJobPlank.Started(Triggered(), "pod", "42", s_now);

        Assert.Equal(ProwJobState.Pending, started.Job.Status.State);
        Assert.Equal("42", started.Job.Status.BuildId);
        Assert.Equal([ProwJobEffect.Report, ProwJobEffect.WriteStarted, ProwJobEffect.StartRun], started.Effects.Order());
    }

    [Fact]
    public void Waiting_ChangesNoStateSoReportsNothing()
    {
        var waiting = ProwJobPlank.Waiting(Triggered(), "Waiting: max_concurrency 1 reached");

        Assert.Empty(waiting.Effects);
        Assert.Equal("Waiting: max_concurrency 1 reached", waiting.Job.Status.Description);
    }

    [Fact]
    public void Finished_ReportsBeforeLeavingTheActiveSet_AndGivesTheSlotBack()
    {
        var running = ProwJobPlank.Started(Triggered(), "pod", "42", s_now).Job;

        var finished = ProwJobPlank.Finished(running, ProwJobState.Failure, "Job failed.", s_now);
        var order = finished.Effects.Order().ToList();

        Assert.Equal(ProwJobState.Failure, finished.Job.Status.State);
        Assert.Equal([ProwJobEffect.Report, ProwJobEffect.WriteFinished, ProwJobEffect.ReleaseSlot, ProwJobEffect.LeaveActiveSet, ProwJobEffect.NotifyTide], order);
        Assert.DoesNotContain(ProwJobEffect.AbortRun, order);
    }

    [Fact]
    public void AbortedWhileRunning_StopsTheRun_AbortedWhileWaitingDoesNot()
    {
        var running = ProwJobPlank.Started(Triggered(), "pod", "42", s_now).Job;

        Assert.True(ProwJobPlank.Aborted(running, "Aborted by trigger plugin.", s_now).Has(ProwJobEffect.AbortRun));
        var waiting = ProwJobPlank.Aborted(Triggered(), "Aborted by trigger plugin.", s_now);
        Assert.False(waiting.Has(ProwJobEffect.AbortRun));
        Assert.False(waiting.Has(ProwJobEffect.WriteFinished));
    }

    [Fact]
    public void ResumedAfterACrash_AFinishedJobIsHandedToCrierAgain_AWaitingOneQueuesAgain()
    {
        var finished = ProwJobPlank.Finished(ProwJobPlank.Started(Triggered(), "pod", "42", s_now).Job, ProwJobState.Success, "Job succeeded.", s_now).Job;

        Assert.Equal([ProwJobEffect.Report, ProwJobEffect.ReleaseSlot, ProwJobEffect.LeaveActiveSet], ProwJobPlank.Resumed(finished).Effects);
        Assert.Equal([ProwJobEffect.Report, ProwJobEffect.RequestSlot], ProwJobPlank.Resumed(Triggered()).Effects);
    }
}
