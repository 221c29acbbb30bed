namespace Prow.Grains.Webhooks;

/// <summary>The most recent delivery ids a grain handled: a redelivered or replayed webhook is recognised and ignored.</summary>
public sealed record DeliveryLog
{
    public const int Capacity = 512;

    public long Count { get; init; }

    /// <summary>Oldest first, at most <see cref="Capacity"/>.</summary>
    public List<string> Recent { get; init; } = [];

    public bool Contains(string deliveryId) => Recent.Contains(deliveryId, StringComparer.Ordinal);

    public DeliveryLog With(string deliveryId)
    {
        var recent = new List<string>(Recent) { deliveryId };
        if (recent.Count > Capacity)
        {
            recent.RemoveRange(0, recent.Count - Capacity);
        }

        return new DeliveryLog { Count = Count + 1, Recent = recent };
    }
}
