using Orleans;

namespace Prow.GrainInterfaces;

/// <summary>One pull request (key <c>org/repo#number</c>): its webhooks, its plugins' effects, the jobs asked for it.</summary>
public interface IPullRequestGrain : IGrainWithStringKey
{
    /// <summary>Takes one delivery; a delivery seen before is acknowledged and ignored.</summary>
    Task<bool> OnWebhookAsync(WebhookDelivery delivery);

    Task<PullRequestView> GetAsync();

    /// <summary>A presubmit of this pull request ended: keeps the failure comment current. One-way: jobs end from their own turns.</summary>
    [Orleans.Concurrency.OneWay]
    Task OnJobFinishedAsync(JobOutcome outcome);
}

/// <summary>How a presubmit ended, for the pull request's failure comment.</summary>
[GenerateSerializer, Immutable]
public sealed record JobOutcome(string Job, string Context, string Sha, string State, string? Url, bool Required, string? RerunCommand, string Author);

[GenerateSerializer, Immutable]
public sealed record PullRequestView(
    string Key,
    string? HeadSha,
    string? BaseRef,
    string? Author,
    bool Draft,
    long Deliveries,
    IReadOnlyList<ProwJobRequest> RequestedJobs);
