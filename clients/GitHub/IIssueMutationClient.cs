namespace Prow.Clients.GitHub;

/// <summary>Issue changes GitHub offers only through GraphQL, addressed by GraphQL node ids.</summary>
public interface IIssueMutationClient
{
    /// <summary>Moves an issue to another repository of the same owner; returns its new address.</summary>
    Task<string> TransferIssueAsync(string org, string issueNodeId, string repositoryNodeId, CancellationToken cancellationToken);

    Task PinIssueAsync(string org, string issueNodeId, CancellationToken cancellationToken);

    Task UnpinIssueAsync(string org, string issueNodeId, CancellationToken cancellationToken);
}
