namespace Prow.Clients.GitHub;

/// <summary>Supplies the Authorization header value for a request on behalf of an owner/repo.</summary>
internal interface IGitHubAuthorizer
{
    /// <returns>The header value (e.g. <c>Bearer ...</c>), or null to send the request anonymously.</returns>
    ValueTask<string?> GetAuthorizationAsync(string? owner, string? repo, CancellationToken cancellationToken);
}
