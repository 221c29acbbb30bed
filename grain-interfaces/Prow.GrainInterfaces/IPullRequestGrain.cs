using Orleans;

namespace Prow.GrainInterfaces;

/// <summary>One pull request (key <c>org/repo#number</c>): its webhooks, its plugins' effects, the jobs asked for it.</summary>
public interface IPullRequestGrain : IGrainWithStringKey
{
    /// <summary>Takes one delivery; a delivery seen before is acknowledged and ignored.</summary>
    Task<bool> OnWebhookAsync(WebhookDelivery delivery);

    Task<PullRequestView> GetAsync();

    /// <summary>
    /// Jobs asked for from outside a webhook of this pull request (a check run's "Re-run"), started as its own are: a job
    /// already running for the same commit is not started twice. <paramref name="cause"/> (a delivery id) makes the ProwJob
    /// ids, so asking again for the same cause starts nothing new.
    /// </summary>
    Task RequestJobsAsync(IReadOnlyList<ProwJobRequest> requests, string cause);
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
