using System.Buffers;
using System.Text.Json;

namespace Prow.Gateway.ExternalPlugins;

/// <summary>
/// One delivery owed to one external plugin, stored in the inbox beside the webhook itself: a one-line JSON header
/// (plugin, endpoint, GitHub's headers), a newline, then the body exactly as GitHub sent it.
/// </summary>
internal sealed record ExternalPluginForward(string Plugin, string Endpoint, string EventName, string DeliveryId, string Signature, ReadOnlyMemory<byte> Body)
{
    public const string IngressKind = "external-plugin";

    /// <summary>One forward per delivery and plugin: GitHub redelivering a webhook does not forward it twice.</summary>
    public string DedupeKey => $"{DeliveryId}/{Plugin}";

    public byte[] Serialize()
    {
        var buffer = new ArrayBufferWriter<byte>(Body.Length + 256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("plugin", Plugin);
            writer.WriteString("endpoint", Endpoint);
            writer.WriteString("event", EventName);
            writer.WriteString("delivery", DeliveryId);
            writer.WriteString("signature", Signature);
            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        buffer.Write(Body.Span);
        return buffer.WrittenSpan.ToArray();
    }

    public static ExternalPluginForward Deserialize(ReadOnlyMemory<byte> stored)
    {
        var newline = stored.Span.IndexOf((byte)'\n');
        if (newline < 0)
        {
            throw new JsonException("stored external plugin forward without a header line");
        }

        using var header = JsonDocument.Parse(stored[..newline]);
        var root = header.RootElement;
        string Read(string name) => root.GetProperty(name).GetString() ?? throw new JsonException($"stored external plugin forward without {name}");
        return new ExternalPluginForward(Read("plugin"), Read("endpoint"), Read("event"), Read("delivery"), Read("signature"), stored[(newline + 1)..]);
    }

    public override string ToString() => $"{EventName} {DeliveryId} to {Plugin} ({Endpoint})";
}
