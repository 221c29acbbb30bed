namespace Prow.Clients.GitHub;

/// <summary>GitHub's wire shape for <c>GET /repos/{owner}/{repo}/contents/{path}</c>.</summary>
internal sealed record ContentResponse
{
    public string Type { get; init; } = "";
    public string Path { get; init; } = "";
    public string Sha { get; init; } = "";
    public string? Encoding { get; init; }
    public string? Content { get; init; }
}
