namespace Prow.Clients.GitHub;

public sealed record Repository
{
    public long Id { get; set; }

    /// <summary>The GraphQL id (GitHub's <c>node_id</c>).</summary>
    public string? NodeId { get; set; }
    public string Name { get; set; } = "";
    public string FullName { get; set; } = "";
    public User Owner { get; set; } = new();
    public string DefaultBranch { get; set; } = "";
    public bool Private { get; set; }
    public bool Archived { get; set; }
    public bool Fork { get; set; }
    public string? HtmlUrl { get; set; }
}
