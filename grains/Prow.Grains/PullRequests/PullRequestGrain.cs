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
    Clients.GitHub.IIssueClient issues,
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

    async Task<bool> IPullRequestGrain.OnJobFinishedAsync(JobOutcome outcome)
    {
        var failed = new Dictionary<string, JobOutcome>(state.State.FailedJobs, StringComparer.Ordinal);
        switch (outcome.State)
        {
            case ProwJobState.Success:
                failed.Remove(outcome.Job);
                break;
            case ProwJobState.Failure or ProwJobState.Error:
                failed[outcome.Job] = outcome;
                break;
            default:
                return await SyncFailureCommentAsync();
        }

        if (!failed.SequenceEqual(state.State.FailedJobs))
        {
            state.State = state.State with { FailedJobs = failed, Author = state.State.Author ?? outcome.Author };
            await state.WriteStateAsync();
        }

        return await SyncFailureCommentAsync();
    }

    /// <summary>Makes the comment on GitHub say what it should: created, edited or deleted; false when GitHub did not take it.</summary>
    private async Task<bool> SyncFailureCommentAsync()
    {
        var current = state.State;
        var desired = current.FailedJobs.Count == 0 ? null : FailureComment.Render(current.Author ?? "", [.. current.FailedJobs.Values]);
        if (desired == current.FailureCommentBody || !GrainKeys.TryParsePullRequest(this.GetPrimaryKeyString(), out var org, out var repo, out var number))
        {
            return true;
        }

        try
        {
            long? id = current.FailureCommentId;
            if (desired is null)
            {
                await issues.DeleteCommentAsync(org, repo, id!.Value, CancellationToken.None);
                id = null;
            }
            else if (id is null)
            {
                id = (await issues.CreateCommentAsync(org, repo, number, desired, CancellationToken.None)).Id;
            }
            else
            {
                await issues.EditCommentAsync(org, repo, id.Value, desired, CancellationToken.None);
            }

            state.State = state.State with { FailureCommentId = id, FailureCommentBody = desired };
            await state.WriteStateAsync();
            return true;
        }
        catch (Exception ex) when (ex is Clients.GitHub.GitHubApiException or HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
