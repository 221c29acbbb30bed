using Prow.GrainInterfaces.ProwJobs;

namespace Prow.Grains.ProwJobs;

/// <summary>
/// The ProwJob life cycle as pure functions: triggered → pending → success | failure | aborted | error, and
/// triggered → aborted | error. Each transition checks where the job is and refuses an illegal move, so the
/// grain can apply events it receives twice (replays) without corrupting the job.
/// </summary>
public static class ProwJobStateMachine
{
    public static ProwJob Start(ProwJob job, string podName, string buildId, string? url, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(job);
        Require(job, "start", ProwJobState.Triggered);
        return job with { Status = job.Status with { State = ProwJobState.Pending, PendingTime = now, PodName = podName, BuildId = buildId, Url = url ?? job.Status.Url, Description = "Job started." } };
    }

    /// <summary>Waiting for capacity: the job stays triggered and says why.</summary>
    public static ProwJob Wait(ProwJob job, string reason)
    {
        ArgumentNullException.ThrowIfNull(job);
        Require(job, "queue", ProwJobState.Triggered);
        return job with { Status = job.Status with { Description = reason } };
    }

    public static ProwJob Complete(ProwJob job, string finalState, string description, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!ProwJobState.IsFinal(finalState))
        {
            throw new ArgumentException($"'{finalState}' is not a final state.", nameof(finalState));
        }

        Require(job, $"complete as {finalState}", finalState is ProwJobState.Success or ProwJobState.Failure ? [ProwJobState.Pending] : [ProwJobState.Triggered, ProwJobState.Pending]);
        return job with { Status = job.Status with { State = finalState, Description = description, CompletionTime = now } };
    }

    public static ProwJob Abort(ProwJob job, string description, DateTimeOffset now) => Complete(job, ProwJobState.Aborted, description, now);

    private static void Require(ProwJob job, string transition, params string[] allowed)
    {
        if (!allowed.Contains(job.Status.State, StringComparer.Ordinal))
        {
            throw new InvalidOperationException($"ProwJob {job.Id} ({job.Spec.Job}) cannot {transition}: it is {job.Status.State}.");
        }
    }
}
