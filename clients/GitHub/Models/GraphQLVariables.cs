using System.Text.Json.Serialization;

namespace Prow.Clients.GitHub;

internal sealed record GraphQLVariables([property: JsonPropertyName("input")] GraphQLIssueInput Input);
