namespace Prow.Clients.GitHub;

public sealed record IssueComment
{
    public long Id { get; set; }
    public string Body { get; set; } = "";
    public User User { get; set; } = new();
    public string? HtmlUrl { get; set; }

    /// <summary>OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, FIRST_TIME_CONTRIBUTOR, NONE... (webhooks and REST both carry it).</summary>
    public string? AuthorAssociation { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}
