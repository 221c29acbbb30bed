using System.Text.Json.Serialization;

namespace Prow.Clients.GitHub;

internal sealed record GraphQLError
{
    [JsonPropertyName("message")]
    public string Message { get; set; } = "";
}
