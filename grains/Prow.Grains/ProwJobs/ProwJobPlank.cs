namespace Prow.Grains.ProwJobs;

/// <summary>
/// Plank's decisions for one ProwJob as pure functions: each event gives the next state (through
/// <see cref="ProwJobStateMachine"/>) and the effects it asks for. Reporting is one effect among others: the job
/// moves on whether or not crier has delivered anything yet.
/// </summary>
public static class ProwJobPlank
{
    /// <summary>A new job: it is reported as triggered and asks for a slot, unless it could not be placed at all.</summary>
    public static ProwJobTransition Created(ProwJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Status.Complete
            ? new(job, [ProwJobEffect.Report, ProwJobEffect.LeaveActiveSet, ProwJobEffect.NotifyTide])
            : new(job, [ProwJobEffect.Report, ProwJobEffect.NotifyTide, ProwJobEffect.RequestSlot]);
    }

    public static ProwJobTransition Started(ProwJob job, string podName, string buildId, DateTimeOffset now) =>
        new(ProwJobStateMachine.Start(job, podName, buildId, url: null, now), [ProwJobEffect.WriteStarted, ProwJobEffect.Report, ProwJobEffect.StartRun]);

    /// <summary>The slot is not free yet: the job stays triggered and says why; nothing to report (the state did not change).</summary>
    public static ProwJobTransition Waiting(ProwJob job, string reason) => new(ProwJobStateMachine.Wait(job, reason), []);

    /// <summary>The run ended (or could not start, or was lost): the job ends and gives its slot back.</summary>
    public static ProwJobTransition Finished(ProwJob job, string finalState, string description, DateTimeOffset now)
    {
        var next = ProwJobStateMachine.Complete(job, finalState, description, now);
        return new(next, Ending(next, abortRun: false));
    }

    /// <summary>Aborted (a newer push, a person, a timeout): a running job's run is stopped too.</summary>
    public static ProwJobTransition Aborted(ProwJob job, string description, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(job);
        var next = ProwJobStateMachine.Abort(job, description, now);
        return new(next, Ending(next, abortRun: job.Status.State == ProwJobState.Pending));
    }

    /// <summary>
    /// After a restart. A finished job that was still in the active set crashed before crier had its final state:
    /// it is handed over again. A waiting job is reported (crier ignores what it already has) and queues again.
    /// </summary>
    public static ProwJobTransition Resumed(ProwJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Status.Complete
            ? new(job, [ProwJobEffect.Report, ProwJobEffect.ReleaseSlot, ProwJobEffect.LeaveActiveSet])
            : new(job, [ProwJobEffect.Report, ProwJobEffect.RequestSlot]);
    }

    private static List<ProwJobEffect> Ending(ProwJob job, bool abortRun)
    {
        var effects = new List<ProwJobEffect>();
        if (job.Status.BuildId is not null)
        {
            effects.Add(ProwJobEffect.WriteFinished);
        }

        effects.Add(ProwJobEffect.Report);
        if (abortRun)
        {
            effects.Add(ProwJobEffect.AbortRun);
        }

        effects.AddRange([ProwJobEffect.ReleaseSlot, ProwJobEffect.LeaveActiveSet, ProwJobEffect.NotifyTide]);
        return effects;
    }
}
