using System.Buffers;
using System.Text.Json;

namespace Prow.Gateway;

/// <summary>What the inbox stores for one webhook: the headers that matter and the payload exactly as GitHub sent it.</summary>
internal sealed record WebhookEnvelope(string EventName, string DeliveryId, DateTimeOffset ReceivedAt, JsonElement Payload)
{
    public const string IngressKind = "github-webhook";

    public static byte[] Serialize(string eventName, string deliveryId, DateTimeOffset receivedAt, ReadOnlySpan<byte> rawPayload)
    {
        var buffer = new ArrayBufferWriter<byte>(rawPayload.Length + 256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("event", eventName);
            writer.WriteString("delivery", deliveryId);
            writer.WriteString("received_at", receivedAt);
            writer.WritePropertyName("payload");
            writer.WriteRawValue(rawPayload, skipInputValidation: true);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static WebhookEnvelope Deserialize(ReadOnlyMemory<byte> stored)
    {
        using var document = JsonDocument.Parse(stored);
        var root = document.RootElement;
        return new WebhookEnvelope(
            root.GetProperty("event").GetString()!,
            root.GetProperty("delivery").GetString()!,
            root.GetProperty("received_at").GetDateTimeOffset(),
            root.GetProperty("payload").Clone());
    }
}
