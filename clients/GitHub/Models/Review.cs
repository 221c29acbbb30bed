namespace Prow.Clients.GitHub;

public sealed record Review
{
    public long Id { get; set; }
    public User User { get; set; } = new();

    /// <summary>APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED, PENDING.</summary>
    public string State { get; set; } = "";
    public string? Body { get; set; }
    public string? CommitId { get; set; }

    /// <summary>OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, FIRST_TIME_CONTRIBUTOR, NONE... (webhooks and REST both carry it).</summary>
    public string? AuthorAssociation { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
}
