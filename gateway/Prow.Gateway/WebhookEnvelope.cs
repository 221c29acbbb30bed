using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Prow.Gateway;

/// <summary>
/// What the inbox stores for one webhook: a one-line JSON header (the headers that matter and the route worked out
/// at accept time), a newline, then the payload exactly as GitHub sent it. Handling reads the header and hands the
/// payload on as text, so the payload is parsed by the grain that uses it and by nothing in between.
/// </summary>
internal sealed record WebhookEnvelope(string EventName, string DeliveryId, DateTimeOffset ReceivedAt, WebhookRoute Route, string Payload)
{
    public const string IngressKind = "github-webhook";

    private const int Version = 2;
    private static readonly byte[] s_versionPrefix = Encoding.UTF8.GetBytes($"{{\"v\":{Version},");

    public static byte[] Serialize(string eventName, string deliveryId, DateTimeOffset receivedAt, WebhookRoute route, ReadOnlySpan<byte> rawPayload)
    {
        ArgumentNullException.ThrowIfNull(route);
        var buffer = new ArrayBufferWriter<byte>(rawPayload.Length + 256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", Version);
            writer.WriteString("event", eventName);
            writer.WriteString("delivery", deliveryId);
            writer.WriteString("received_at", receivedAt);
            writer.WriteString("repository", route.Repository);
            if (route.PullRequest is { } number)
            {
                writer.WriteNumber("pull", number);
            }

            writer.WriteString("action", route.Action);
            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        buffer.Write(rawPayload);
        return buffer.WrittenSpan.ToArray();
    }

    public static WebhookEnvelope Deserialize(ReadOnlyMemory<byte> stored)
    {
        var span = stored.Span;
        if (!span.StartsWith(s_versionPrefix))
        {
            return DeserializeVersion1(stored);
        }

        var newline = span.IndexOf((byte)'\n');
        var header = new Utf8JsonReader(span[..newline]);
        string? eventName = null, delivery = null, repository = null, action = null;
        DateTimeOffset receivedAt = default;
        int? pull = null;
        while (header.Read())
        {
            if (header.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            var name = header.GetString();
            header.Read();
            switch (name)
            {
                case "event": eventName = header.GetString(); break;
                case "delivery": delivery = header.GetString(); break;
                case "received_at": receivedAt = header.GetDateTimeOffset(); break;
                case "repository": repository = header.TokenType == JsonTokenType.Null ? null : header.GetString(); break;
                case "pull": pull = header.GetInt32(); break;
                case "action": action = header.TokenType == JsonTokenType.Null ? null : header.GetString(); break;
            }
        }

        return new WebhookEnvelope(
            eventName ?? throw new JsonException("stored webhook without an event name"),
            delivery ?? throw new JsonException("stored webhook without a delivery id"),
            receivedAt,
            new WebhookRoute(repository, pull, action),
            Encoding.UTF8.GetString(span[(newline + 1)..]));
    }

    /// <summary>
    /// The grain a stored webhook goes to (<c>org/repo#n</c> or <c>org/repo</c>), read from its header alone; null
    /// for deliveries with no repository and for those stored before the header format.
    /// </summary>
    public static string? TargetOf(ReadOnlyMemory<byte> stored)
    {
        var span = stored.Span;
        if (!span.StartsWith(s_versionPrefix))
        {
            return null;
        }

        var header = new Utf8JsonReader(span[..span.IndexOf((byte)'\n')]);
        string? repository = null;
        int? pull = null;
        while (header.Read())
        {
            if (header.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            if (header.ValueTextEquals("repository"u8))
            {
                header.Read();
                repository = header.TokenType == JsonTokenType.String ? header.GetString() : null;
            }
            else if (header.ValueTextEquals("pull"u8))
            {
                header.Read();
                pull = header.GetInt32();
            }
        }

        return repository is null ? null : pull is { } number ? $"{repository}#{number}" : repository;
    }

    /// <summary>Deliveries stored by builds before the header format: one JSON object with the payload inside. They may still wait in an inbox.</summary>
    private static WebhookEnvelope DeserializeVersion1(ReadOnlyMemory<byte> stored)
    {
        using var document = JsonDocument.Parse(stored);
        var root = document.RootElement;
        var eventName = root.GetProperty("event").GetString()!;
        var payload = root.GetProperty("payload");
        var route = WebhookEventParserRoute(eventName, payload.GetRawText()) ?? WebhookRoute.From(payload);
        return new WebhookEnvelope(eventName, root.GetProperty("delivery").GetString()!, root.GetProperty("received_at").GetDateTimeOffset(), route, payload.GetRawText());
    }

    private static WebhookRoute? WebhookEventParserRoute(string eventName, string payload) =>
        Prow.Clients.GitHub.Events.WebhookEventParser.TryParse(eventName, Encoding.UTF8.GetBytes(payload), out var parsed, out _) && parsed is not null
            ? WebhookRoute.From(parsed)
            : null;
}
