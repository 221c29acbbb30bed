namespace Prow.Grains.BuildClusters;

/// <summary>What a build cluster tells the job about its run, from outside any grain turn.</summary>
/// <param name="Finished">The run ended; called at most once.</param>
/// <param name="Revived">The cluster stopped the pod and it was created again: the job's pod_revival_count is now the argument.</param>
public sealed record BuildRunCallbacks(Func<BuildRunResult, Task> Finished, Func<int, Task> Revived)
{
    /// <summary>For a run that is never revived (local processes), or a caller that does not count revivals.</summary>
    public static BuildRunCallbacks OnFinished(Func<BuildRunResult, Task> finished) => new(finished, _ => Task.CompletedTask);
}
