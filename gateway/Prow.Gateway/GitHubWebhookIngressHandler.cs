using Orleans;
using Prow.GrainInterfaces;
using Prow.Ingress;

namespace Prow.Gateway;

/// <summary>
/// Hands a stored webhook to the grain its route names (worked out when it was accepted): the pull request's grain,
/// else the repository's. Events with no repository (org-level) are acknowledged and dropped.
/// </summary>
internal sealed class GitHubWebhookIngressHandler(IGrainFactory grains) : IIngressHandler
{
    public string Kind => WebhookEnvelope.IngressKind;

    /// <summary>One pull request's or repository's deliveries go one at a time, so one slow grain holds one handling slot.</summary>
    public string? TargetOf(IngressEntry entry) => WebhookEnvelope.TargetOf(entry.Payload);

    public Task HandleAsync(IngressEntry entry, CancellationToken cancellationToken)
    {
        var envelope = WebhookEnvelope.Deserialize(entry.Payload);
        if (!GrainKeys.TryParseRepository(envelope.Route.Repository, out var org, out var repo))
        {
            return Task.CompletedTask;
        }

        var delivery = new WebhookDelivery(envelope.DeliveryId, envelope.EventName, envelope.Route.Action, envelope.ReceivedAt, envelope.Payload);
        return envelope.Route.PullRequest is { } number
            ? grains.GetGrain<IPullRequestGrain>(GrainKeys.PullRequest(org, repo, number)).OnWebhookAsync(delivery)
            : grains.GetGrain<IRepositoryGrain>(GrainKeys.Repository(org, repo)).OnWebhookAsync(delivery);
    }
}
