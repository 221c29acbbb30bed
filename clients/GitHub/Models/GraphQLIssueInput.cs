using System.Text.Json.Serialization;

namespace Prow.Clients.GitHub;

/// <summary>The input of the issue mutations: the issue, and for a transfer the repository it moves to.</summary>
internal sealed record GraphQLIssueInput(
    [property: JsonPropertyName("issueId")] string IssueId,
    [property: JsonPropertyName("repositoryId")] string? RepositoryId = null);
