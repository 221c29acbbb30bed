namespace Prow.Clients.GitHub;

public sealed record CheckRun
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string HeadSha { get; init; } = "";

    /// <summary>queued, in_progress, completed.</summary>
    public string Status { get; init; } = "";

    /// <summary>success, failure, neutral, cancelled, skipped, timed_out, action_required; null until completed.</summary>
    public string? Conclusion { get; init; }
    public string? DetailsUrl { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
}
