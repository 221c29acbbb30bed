namespace Prow.Clients.GitHub;

/// <summary>
/// The whole GitHub client: its role interfaces together. Plugins get it whole through their context and are tested
/// with the production client against the fake GitHub, so nothing needs a slice faked; a class that uses one role
/// may still ask for just that interface.
/// </summary>
public interface IGitHubClient : IIssueClient, IPullRequestClient, IStatusClient, IRepositoryClient, IOrganizationClient, ISearchClient, IUserClient, IActionsClient, IMilestoneClient, ITeamClient, IIssueMutationClient, ICheckRunClient, IWebhookDeliveryClient
{
    /// <summary>The last known rate-limit budget per resource.</summary>
    IReadOnlyList<RateLimitSnapshot> RateLimits { get; }
}
