using Prow.Grains.Webhooks;

namespace Prow.Grains.Repositories;

/// <summary>
/// A repository's own webhooks (issues, comments on issues, pushes, statuses, checks), once each, with the enabled
/// plugins run in the same turn, postsubmits started on a push and a job's check run's "Re-run" answered. Pull request events go to their
/// <see cref="IPullRequestGrain"/> instead.
/// </summary>
public sealed class RepositoryGrain(
    [PersistentState("repository")] IPersistentState<RepositoryState> state,
    WebhookPluginRunner runner,
    PostsubmitTrigger postsubmits,
    Prow.Services.Configuration.IConfigSource config,
    CheckRuns.CheckRunRerequests checkRuns,
    Tide.TideEventRouter tide) : Grain, IRepositoryGrain
{
    async Task<bool> IRepositoryGrain.OnWebhookAsync(WebhookDelivery delivery)
    {
        var current = state.State;
        if (current.Deliveries.Contains(delivery.DeliveryId))
        {
            return false;
        }

        var (gitHubEvent, _) = await runner.RunAsync(delivery, CancellationToken.None);
        if (gitHubEvent is Clients.GitHub.Events.PushEvent push)
        {
            await postsubmits.RunAsync(config.Current, push, delivery.DeliveryId);
        }
        else if (gitHubEvent is Clients.GitHub.Events.CheckRunEvent { Action: "rerequested" } checkRun)
        {
            await checkRuns.HandleAsync(config.Current, checkRun, delivery.DeliveryId);
        }

        var counts = new Dictionary<string, long>(current.EventCounts, StringComparer.Ordinal);
        counts[delivery.EventName] = counts.GetValueOrDefault(delivery.EventName) + 1;
        state.State = current with
        {
            Deliveries = current.Deliveries.With(delivery.DeliveryId),
            EventCounts = counts,
            LastEventAt = delivery.ReceivedAt,
        };
        await state.WriteStateAsync();
        if (gitHubEvent is not null)
        {
            await tide.RouteAsync(gitHubEvent);
        }

        return true;
    }

    Task<RepositorySummary> IRepositoryGrain.GetSummaryAsync() =>
        Task.FromResult(new RepositorySummary(this.GetPrimaryKeyString(), state.State.Deliveries.Count, state.State.EventCounts, state.State.LastEventAt));
}
