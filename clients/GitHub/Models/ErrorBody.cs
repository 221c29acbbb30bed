namespace Prow.Clients.GitHub;

/// <summary>GitHub's error body: <c>{"message": ..., "documentation_url": ...}</c>.</summary>
internal sealed record ErrorBody
{
    public string? Message { get; set; }
    public string? DocumentationUrl { get; set; }
}
