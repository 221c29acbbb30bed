namespace Prow.Grains.Repository;

public sealed record RepositoryState
{
    /// <summary>How many recent delivery ids are remembered to make redelivered or replayed webhooks no-ops.</summary>
    public const int RememberedDeliveries = 512;

    public long Deliveries { get; init; }

    public Dictionary<string, long> EventCounts { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Oldest first, at most <see cref="RememberedDeliveries"/>.</summary>
    public List<string> RecentDeliveryIds { get; init; } = [];

    public DateTimeOffset? LastEventAt { get; init; }
}
