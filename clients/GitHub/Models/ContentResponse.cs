namespace Prow.Clients.GitHub;

/// <summary>GitHub's wire shape for <c>GET /repos/{owner}/{repo}/contents/{path}</c>.</summary>
internal sealed record ContentResponse
{
    public string Type { get; set; } = "";
    public string Path { get; set; } = "";
    public string Sha { get; set; } = "";
    public string? Encoding { get; set; }
    public string? Content { get; set; }
}
