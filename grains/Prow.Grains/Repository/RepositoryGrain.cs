namespace Prow.Grains.Repository;

/// <summary>
/// A repository's webhooks land here, once each: the delivery id is remembered so that a redelivery or a replay
/// after a crash changes nothing. Later issues hang postsubmits, plugins and PR routing off this grain.
/// </summary>
public sealed class RepositoryGrain([PersistentState("repository")] IPersistentState<RepositoryState> state) : Grain, IRepositoryGrain
{
    async Task<bool> IRepositoryGrain.OnWebhookAsync(WebhookDelivery delivery)
    {
        var current = state.State;
        if (current.RecentDeliveryIds.Contains(delivery.DeliveryId, StringComparer.Ordinal))
        {
            return false;
        }

        var counts = new Dictionary<string, long>(current.EventCounts, StringComparer.Ordinal);
        counts[delivery.EventName] = counts.GetValueOrDefault(delivery.EventName) + 1;
        var recent = new List<string>(current.RecentDeliveryIds) { delivery.DeliveryId };
        if (recent.Count > RepositoryState.RememberedDeliveries)
        {
            recent.RemoveRange(0, recent.Count - RepositoryState.RememberedDeliveries);
        }

        state.State = current with
        {
            Deliveries = current.Deliveries + 1,
            EventCounts = counts,
            RecentDeliveryIds = recent,
            LastEventAt = delivery.ReceivedAt,
        };
        await state.WriteStateAsync();
        return true;
    }

    Task<RepositorySummary> IRepositoryGrain.GetSummaryAsync() =>
        Task.FromResult(new RepositorySummary(this.GetPrimaryKeyString(), state.State.Deliveries, state.State.EventCounts, state.State.LastEventAt));
}
