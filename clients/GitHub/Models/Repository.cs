namespace Prow.Clients.GitHub;

public sealed record Repository
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string FullName { get; init; } = "";
    public User Owner { get; init; } = new();
    public string DefaultBranch { get; init; } = "";
    public bool Private { get; init; }
    public bool Archived { get; init; }
    public bool Fork { get; init; }
    public string? HtmlUrl { get; init; }
}
