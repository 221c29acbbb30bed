using System.Text.Json.Serialization;

namespace Prow.Clients.GitHub;

/// <summary>One attempt GitHub made to deliver a webhook, as its deliveries API lists it (newest first).</summary>
public sealed record WebhookDeliveryAttempt
{
    /// <summary>The attempt's id, which a redelivery request names.</summary>
    public long Id { get; set; }

    /// <summary>The event's <c>X-GitHub-Delivery</c>: the same for the first attempt and every redelivery.</summary>
    [JsonPropertyName("guid")]
    public string DeliveryGuid { get; set; } = "";

    public DateTimeOffset DeliveredAt { get; set; }

    public bool Redelivery { get; set; }

    /// <summary>What the hook answered; 0 when nothing answered (no connection, timeout).</summary>
    public int StatusCode { get; set; }

    /// <summary>GitHub's words for the outcome (<c>OK</c>, <c>Invalid HTTP Response: 503</c>, ...).</summary>
    public string? Status { get; set; }

    public string? Event { get; set; }

    public string? Action { get; set; }

    /// <summary>The hook took it: a 2xx answer.</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
