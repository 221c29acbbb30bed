using Prow.Grains.Webhooks;

namespace Prow.Grains.Repositories;

public sealed record RepositoryState
{
    public DeliveryLog Deliveries { get; init; } = new();

    public Dictionary<string, long> EventCounts { get; init; } = new(StringComparer.Ordinal);

    public DateTimeOffset? LastEventAt { get; init; }
}
