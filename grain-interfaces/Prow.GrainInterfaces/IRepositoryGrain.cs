using Orleans;

namespace Prow.GrainInterfaces;

/// <summary>One repository (key <c>org/repo</c>): where its webhooks arrive.</summary>
public interface IRepositoryGrain : IGrainWithStringKey
{
    /// <summary>Takes one delivery; a delivery seen before is acknowledged and ignored.</summary>
    Task<bool> OnWebhookAsync(WebhookDelivery delivery);

    Task<RepositorySummary> GetSummaryAsync();
}

[GenerateSerializer, Immutable]
public sealed record RepositorySummary(string Repository, long Deliveries, IReadOnlyDictionary<string, long> EventCounts, DateTimeOffset? LastEventAt);
