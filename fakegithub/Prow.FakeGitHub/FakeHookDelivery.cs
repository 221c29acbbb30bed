namespace Prow.FakeGitHub;

/// <summary>One attempt to deliver a webhook, kept as GitHub keeps it: what was sent and what the hook answered (0 when nothing answered).</summary>
public sealed record FakeHookDelivery(long Id, long HookId, string DeliveryGuid, DateTimeOffset DeliveredAt, bool Redelivery, int StatusCode, string Status, string Event, string? Action, byte[] Payload);
