namespace Prow.Clients.GitHub;

public sealed record CheckRun
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string HeadSha { get; set; } = "";

    /// <summary>queued, in_progress, completed.</summary>
    public string Status { get; set; } = "";

    /// <summary>success, failure, neutral, cancelled, skipped, timed_out, action_required; null until completed.</summary>
    public string? Conclusion { get; set; }
    public string? DetailsUrl { get; set; }

    /// <summary>The id the app that made the run gave it (prow: the ProwJob's id).</summary>
    public string? ExternalId { get; set; }

    public CheckRunOutputInfo? Output { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The pull requests whose head is this run's commit (webhooks and REST both carry it).</summary>
    public IReadOnlyList<Events.PullRequestReference> PullRequests { get; set; } = [];
}
