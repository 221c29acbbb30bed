using Orleans;

namespace Prow.GrainInterfaces;

/// <summary>A GitHub webhook as the gateway accepted it.</summary>
/// <param name="DeliveryId">GitHub's <c>X-GitHub-Delivery</c>: the key that makes handling idempotent.</param>
/// <param name="EventName">GitHub's <c>X-GitHub-Event</c>.</param>
/// <param name="Action">The payload's <c>action</c>, when it has one.</param>
/// <param name="Payload">The body as GitHub sent it; the receiving grain parses the typed event from it.</param>
[GenerateSerializer, Immutable]
public sealed record WebhookDelivery(string DeliveryId, string EventName, string? Action, DateTimeOffset ReceivedAt, string Payload = "{}");
