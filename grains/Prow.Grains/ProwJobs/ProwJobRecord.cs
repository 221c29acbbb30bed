namespace Prow.Grains.ProwJobs;

/// <summary>A ProwJob grain's persisted state.</summary>
public sealed record ProwJobRecord
{
    public ProwJob? Job { get; init; }

    /// <summary>The local file the build log is written to while the job runs.</summary>
    public string? BuildLogFile { get; init; }
}
