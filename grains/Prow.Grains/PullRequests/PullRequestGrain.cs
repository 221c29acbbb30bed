using Prow.Clients.GitHub.Events;
using Prow.Grains.Webhooks;

namespace Prow.Grains.PullRequests;

/// <summary>
/// One pull request's webhooks, in order, once each, with the enabled plugins run in the same turn and the jobs
/// they asked for started as ProwJobs. The turn commits after that: a crash in between replays the delivery (at
/// least once, like the inbox), and ProwJob ids derived from the delivery make the replay create nothing twice.
/// </summary>
public sealed class PullRequestGrain(
    [PersistentState("pullrequest")] IPersistentState<PullRequestState> state,
    WebhookPluginRunner runner,
    PullRequestJobs jobRunner,
    Prow.Services.Configuration.IConfigSource config,
    Tide.TideEventRouter tide) : Grain, IPullRequestGrain
{
    async Task<bool> IPullRequestGrain.OnWebhookAsync(WebhookDelivery delivery)
    {
        if (state.State.Deliveries.Contains(delivery.DeliveryId))
        {
            return false;
        }

        var (gitHubEvent, jobs) = await runner.RunAsync(delivery, CancellationToken.None);
        var active = await jobRunner.ApplyAsync(config.Current, gitHubEvent, delivery.DeliveryId, jobs, state.State.ActiveJobs);
        var next = state.State with { Deliveries = state.State.Deliveries.With(delivery.DeliveryId), ActiveJobs = active };
        if (gitHubEvent is PullRequestEvent { PullRequest: var pr })
        {
            next = next with { HeadSha = pr.Head.Sha, BaseRef = pr.Base.Ref, Author = pr.User.Login, Draft = pr.Draft };
        }

        next = Remember(next, jobs);

        var previousBase = state.State.BaseRef;
        state.State = next;
        await state.WriteStateAsync();
        if (gitHubEvent is not null)
        {
            await tide.RouteAsync(gitHubEvent, previousBase);
        }

        return true;
    }

    async Task IPullRequestGrain.RequestJobsAsync(IReadOnlyList<ProwJobRequest> requests, string cause)
    {
        var active = await jobRunner.ApplyAsync(config.Current, null, cause, requests, state.State.ActiveJobs);
        state.State = Remember(state.State with { ActiveJobs = active }, requests);
        await state.WriteStateAsync();
    }

    /// <summary>The newest job requests are kept in the state, where the pull request's view shows them.</summary>
    private static PullRequestState Remember(PullRequestState state, IReadOnlyList<ProwJobRequest> jobs)
    {
        if (jobs.Count == 0)
        {
            return state;
        }

        var requested = new List<ProwJobRequest>(state.RequestedJobs);
        requested.AddRange(jobs);
        if (requested.Count > PullRequestState.RememberedJobRequests)
        {
            requested.RemoveRange(0, requested.Count - PullRequestState.RememberedJobRequests);
        }

        return state with { RequestedJobs = requested };
    }

    Task<PullRequestView> IPullRequestGrain.GetAsync() => Task.FromResult(new PullRequestView(
        this.GetPrimaryKeyString(),
        state.State.HeadSha,
        state.State.BaseRef,
        state.State.Author,
        state.State.Draft,
        state.State.Deliveries.Count,
        state.State.RequestedJobs));
}
