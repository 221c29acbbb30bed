using System.Text.Json.Serialization;

namespace Prow.Clients.GitHub;

internal sealed record GraphQLIssuePayload
{
    [JsonPropertyName("issue")]
    public GraphQLIssue? Issue { get; set; }
}
