namespace Prow.Clients.GitHub;

/// <summary>
/// The whole GitHub client. Plugins should depend on the narrowest role interface they use,
/// so their tests can fake only that slice.
/// </summary>
public interface IGitHubClient : IIssueClient, IPullRequestClient, IStatusClient, IRepositoryClient, IOrganizationClient, ISearchClient, IUserClient, IActionsClient
{
    /// <summary>The last known rate-limit budget per resource.</summary>
    IReadOnlyList<RateLimitSnapshot> RateLimits { get; }
}
