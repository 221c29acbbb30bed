using System.Text.Json;
using Orleans;
using Prow.GrainInterfaces;
using Prow.Runtime.Ingress;

namespace Prow.Gateway;

/// <summary>Routes a stored webhook to the grain that owns it. Events with no repository (org-level) are acknowledged and dropped for now.</summary>
internal sealed class GitHubWebhookIngressHandler(IGrainFactory grains) : IIngressHandler
{
    public string Kind => WebhookEnvelope.IngressKind;

    public Task HandleAsync(IngressEntry entry, CancellationToken cancellationToken)
    {
        var envelope = WebhookEnvelope.Deserialize(entry.Payload);
        var payload = envelope.Payload;
        var fullName = payload.TryGetProperty("repository", out var repository) && repository.ValueKind == JsonValueKind.Object
            && repository.TryGetProperty("full_name", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()
            : null;
        if (!GrainKeys.TryParseRepository(fullName, out var org, out var repo))
        {
            return Task.CompletedTask;
        }

        var action = payload.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        var delivery = new WebhookDelivery(envelope.DeliveryId, envelope.EventName, action, envelope.ReceivedAt);
        return grains.GetGrain<IRepositoryGrain>(GrainKeys.Repository(org, repo)).OnWebhookAsync(delivery);
    }
}
