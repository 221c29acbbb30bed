namespace Prow.Grains.ProwJobs;

public sealed record ActiveJobsState
{
    public HashSet<string> JobIds { get; init; } = new(StringComparer.Ordinal);
}
