namespace Prow.Clients.GitHub;

/// <summary>The authenticated App (<c>GET /app</c>); its bot user is <c>{slug}[bot]</c>.</summary>
internal sealed record GitHubApp
{
    public long Id { get; set; }
    public string Slug { get; set; } = "";
    public string? Name { get; set; }
}
