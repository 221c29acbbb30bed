namespace Prow.Grains.BuildClusters.Local;

/// <summary>Settings of the local process runner that are not per job.</summary>
public sealed record LocalProcessRunnerOptions
{
    /// <summary>Keep each run's workspace for inspection instead of removing it.</summary>
    public bool KeepWorkspace { get; init; }

    /// <summary>Pauses between retries of a failed <c>git fetch</c> (clonerefs retries fetches; empty: no retry).</summary>
    public IReadOnlyList<TimeSpan> FetchRetryDelays { get; init; } =
        [TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    /// <summary>How long to wait for output still buffered in the pipes once the job's processes are gone.</summary>
    public TimeSpan OutputDrainTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
