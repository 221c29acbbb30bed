using System.Net;

namespace Prow.Clients.GitHub;

public sealed partial class GitHubClient
{
    private const string TransferIssueMutation = "mutation($input: TransferIssueInput!) { transferIssue(input: $input) { issue { url } } }";
    private const string PinIssueMutation = "mutation($input: PinIssueInput!) { pinIssue(input: $input) { issue { id } } }";
    private const string UnpinIssueMutation = "mutation($input: UnpinIssueInput!) { unpinIssue(input: $input) { issue { id } } }";

    public async Task<string> TransferIssueAsync(string org, string issueNodeId, string repositoryNodeId, CancellationToken cancellationToken)
    {
        var data = await MutateAsync(org, TransferIssueMutation, new GraphQLIssueInput(issueNodeId, repositoryNodeId), cancellationToken);
        return data?.TransferIssue?.Issue?.Url ?? "";
    }

    public Task PinIssueAsync(string org, string issueNodeId, CancellationToken cancellationToken) =>
        MutateAsync(org, PinIssueMutation, new GraphQLIssueInput(issueNodeId), cancellationToken);

    public Task UnpinIssueAsync(string org, string issueNodeId, CancellationToken cancellationToken) =>
        MutateAsync(org, UnpinIssueMutation, new GraphQLIssueInput(issueNodeId), cancellationToken);

    /// <summary>
    /// Posts a mutation to <c>/graphql</c> beside the REST API (ghproxy and api.github.com both serve it there), with the
    /// org's installation token under App auth. GraphQL reports failure in a 200 body, so its errors become exceptions.
    /// </summary>
    private async Task<GraphQLData?> MutateAsync(string org, string mutation, GraphQLIssueInput input, CancellationToken cancellationToken)
    {
        var route = GitHubRoute.Create("/graphql").ForOwner(org, null);
        var response = await WriteAsync(HttpMethod.Post, route, new GraphQLRequest(mutation, new GraphQLVariables(input)), Json.GraphQLRequest, cancellationToken);
        if (response.DryRun)
        {
            return null;
        }

        var answer = response.Read(Json.GraphQLResponse);
        if (answer.Errors is { Count: > 0 } errors)
        {
            throw new GitHubApiException(HttpStatusCode.OK, "POST", route.PathAndQuery, string.Join("; ", errors.Select(e => e.Message)), null);
        }

        return answer.Data;
    }
}
