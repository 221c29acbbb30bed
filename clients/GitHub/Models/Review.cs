namespace Prow.Clients.GitHub;

public sealed record Review
{
    public long Id { get; init; }
    public User User { get; init; } = new();

    /// <summary>APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED, PENDING.</summary>
    public string State { get; init; } = "";
    public string? Body { get; init; }
    public string? CommitId { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
}
