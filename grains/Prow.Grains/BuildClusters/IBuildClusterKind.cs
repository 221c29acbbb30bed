namespace Prow.Grains.BuildClusters;

/// <summary>
/// Where jobs run: the local kind (processes on this machine) or a Kubernetes cluster. A run goes on in the
/// background; its end is reported through <see cref="BuildRunCallbacks.Finished"/>, at most once.
/// </summary>
public interface IBuildClusterKind
{
    string Name { get; }

    /// <summary>How many jobs may run at once.</summary>
    int Capacity { get; }

    Task StartAsync(ProwJob job, BuildRunCallbacks callbacks, CancellationToken cancellationToken);

    /// <summary>Stops the job's run if it is running here (its end is still reported, as aborted).</summary>
    Task AbortAsync(string jobId);

    /// <summary>
    /// After prow restarted: follows a run that may still be going and reports its end (true), or false when the
    /// run died with the process (the local kind).
    /// </summary>
    Task<bool> ResumeAsync(ProwJob job, BuildRunCallbacks callbacks, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>Why the cluster cannot take jobs now (its API does not answer), or null when it can.</summary>
    string? UnavailableReason => null;

    /// <summary>Sinker: deletes finished pods older than <paramref name="maxPodAge"/>; how many it deleted.</summary>
    Task<int> DeleteFinishedPodsAsync(TimeSpan maxPodAge, CancellationToken cancellationToken) => Task.FromResult(0);
}
