using System.Text.Json.Serialization;

namespace Prow.Clients.GitHub;

/// <summary>A GraphQL answer: the data asked for, or errors (GitHub still answers 200).</summary>
internal sealed record GraphQLResponse
{
    [JsonPropertyName("data")]
    public GraphQLData? Data { get; set; }

    [JsonPropertyName("errors")]
    public List<GraphQLError>? Errors { get; set; }
}
