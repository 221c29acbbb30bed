using System.Text.Json.Serialization;

namespace Prow.Clients.GitHub;

/// <summary>A GraphQL request body: the operation and its variables, in GraphQL's own camelCase names.</summary>
internal sealed record GraphQLRequest(
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("variables")] GraphQLVariables Variables);
