using Orleans;

namespace Prow.GrainInterfaces;

/// <summary>One pull request (key <c>org/repo#number</c>): its webhooks, its plugins' effects, the jobs asked for it.</summary>
public interface IPullRequestGrain : IGrainWithStringKey
{
    /// <summary>Takes one delivery; a delivery seen before is acknowledged and ignored.</summary>
    Task<bool> OnWebhookAsync(WebhookDelivery delivery);

    Task<PullRequestView> GetAsync();
}

[GenerateSerializer, Immutable]
public sealed record PullRequestView(
    string Key,
    string? HeadSha,
    string? BaseRef,
    string? Author,
    bool Draft,
    long Deliveries,
    IReadOnlyList<ProwJobRequest> RequestedJobs);
