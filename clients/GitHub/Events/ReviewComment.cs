namespace Prow.Clients.GitHub.Events;

/// <summary>A comment on a line of a pull request's diff.</summary>
public sealed record ReviewComment
{
    public long Id { get; set; }

    public string Body { get; set; } = "";

    public User User { get; set; } = new();

    public string? Path { get; set; }

    /// <summary>Lines below the first hunk header of the file's diff; null when the line is no longer in the diff.</summary>
    public int? Position { get; set; }

    public string? CommitId { get; set; }

    public string? HtmlUrl { get; set; }

    public string? AuthorAssociation { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }
}
