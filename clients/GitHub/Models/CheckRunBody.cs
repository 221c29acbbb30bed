namespace Prow.Clients.GitHub;

/// <summary>
/// The body of creating (<c>POST /repos/{owner}/{repo}/check-runs</c>) or updating (<c>PATCH …/check-runs/{id}</c>) a
/// check run; fields left null are not sent, so an update changes only what it names.
/// </summary>
public sealed record CheckRunBody
{
    /// <summary>Create only.</summary>
    public string? Name { get; set; }

    /// <summary>Create only.</summary>
    public string? HeadSha { get; set; }

    public string? DetailsUrl { get; set; }

    public string? ExternalId { get; set; }

    /// <summary>queued, in_progress or completed.</summary>
    public string? Status { get; set; }

    /// <summary>With <c>completed</c>: success, failure, neutral, cancelled, skipped, timed_out, action_required.</summary>
    public string? Conclusion { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public CheckRunOutput? Output { get; set; }
}
