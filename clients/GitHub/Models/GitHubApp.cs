namespace Prow.Clients.GitHub;

/// <summary>The authenticated App (<c>GET /app</c>); its bot user is <c>{slug}[bot]</c>.</summary>
internal sealed record GitHubApp
{
    public long Id { get; init; }
    public string Slug { get; init; } = "";
    public string? Name { get; init; }
}
