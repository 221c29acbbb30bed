namespace Prow.Ingress;

/// <summary>An external input to be handled by the handler registered for <see cref="Kind"/>.</summary>
/// <param name="DedupeKey">Inputs with the same key are accepted once (e.g. a webhook delivery id); null for no dedupe.</param>
public sealed record IngressMessage(string Kind, string? DedupeKey, ReadOnlyMemory<byte> Payload);

/// <summary>A stored input with its sequence number.</summary>
public sealed record IngressEntry(long Id, string Kind, string? DedupeKey, ReadOnlyMemory<byte> Payload, DateTimeOffset AcceptedAt, int Attempts);

/// <summary>What happened to one appended message: stored under <paramref name="Id"/>, or a duplicate of it.</summary>
public readonly record struct IngressAppendResult(long Id, bool Duplicate);

public readonly record struct IngressCounts(long Pending, long Completed, long Failed);

/// <summary>
/// The durable inbox. An input is appended (and committed) before it is acknowledged, and is marked complete only
/// after the turn that handles it has committed; pending entries are replayed after a crash.
/// </summary>
public interface IIngressStore
{
    /// <summary>Appends the batch in one transaction (group commit) and returns a result per message, in order.</summary>
    Task<IReadOnlyList<IngressAppendResult>> AppendAsync(IReadOnlyList<IngressMessage> batch, CancellationToken cancellationToken);

    /// <summary>Pending entries with an id above <paramref name="afterId"/>, oldest first.</summary>
    Task<IReadOnlyList<IngressEntry>> ReadPendingAsync(long afterId, int maxCount, CancellationToken cancellationToken);

    Task CompleteAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt; with <paramref name="final"/> the entry is parked as failed and not replayed.</summary>
    Task RecordFailureAsync(long id, string errorMessage, bool final, CancellationToken cancellationToken);

    /// <summary>Deletes completed entries accepted before <paramref name="olderThan"/>; their dedupe keys are forgotten with them.</summary>
    Task<int> PruneCompletedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);

    Task<IngressCounts> CountAsync(CancellationToken cancellationToken);

    /// <summary>Which of <paramref name="keys"/> are stored (pending, handled or parked, until pruned).</summary>
    Task<IReadOnlySet<string>> FindDedupeKeysAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>When the newest input of <paramref name="kind"/> still stored was accepted; null when there is none.</summary>
    Task<DateTimeOffset?> LatestAcceptedAsync(string kind, CancellationToken cancellationToken);
}
