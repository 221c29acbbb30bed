using System.Text.Json.Serialization;

namespace Prow.Clients.GitHub;

internal sealed record GraphQLIssue
{
    [JsonPropertyName("url")]
    public string? Url { get; set; }
}
