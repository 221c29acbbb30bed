namespace Prow.Grains.Periodics;

public sealed record PeriodicJobState
{
    /// <summary>How many run ids are remembered, newest last.</summary>
    public const int RememberedRuns = 50;

    public DateTimeOffset? LastTriggeredAt { get; init; }

    public string? LastJobId { get; init; }

    public List<string> RunIds { get; init; } = [];
}
