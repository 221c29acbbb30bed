using System.Text.Json.Serialization;

namespace Prow.Clients.GitHub;

/// <summary>The fields the issue mutations select: a transfer's new issue address.</summary>
internal sealed record GraphQLData
{
    [JsonPropertyName("transferIssue")]
    public GraphQLIssuePayload? TransferIssue { get; set; }
}
