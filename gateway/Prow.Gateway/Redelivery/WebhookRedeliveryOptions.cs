using Prow.Clients.GitHub;

namespace Prow.Gateway.Redelivery;

public sealed class WebhookRedeliveryOptions
{
    /// <summary>The hooks whose failed deliveries are asked again; none turns redelivery off.</summary>
    public IReadOnlyList<WebhookSource> Sources { get; init; } = [];

    /// <summary>How often GitHub is asked for failed deliveries after the look on start.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Overlap between looks, for clock skew between GitHub and this process and for deliveries in flight.</summary>
    public TimeSpan Margin { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How far back a look may reach: GitHub keeps three days of deliveries, and the inbox forgets a handled delivery's
    /// id after its retention (three days), so a look must stay inside both or it would redeliver what was handled.
    /// </summary>
    public TimeSpan MaxLookback { get; init; } = TimeSpan.FromHours(71);
}
