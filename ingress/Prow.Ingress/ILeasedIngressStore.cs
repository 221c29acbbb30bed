namespace Prow.Ingress;

/// <summary>
/// An inbox shared by several processes. Each pending entry is held by the process that accepted or took it, under a
/// lease that process renews while it lives; when a process dies its leases run out and the others take its entries.
/// <see cref="IIngressStore.ReadPendingAsync"/> on such a store takes (and returns) only entries nobody else holds.
/// </summary>
public interface ILeasedIngressStore
{
    /// <summary>How long a lease lasts unless renewed.</summary>
    TimeSpan Lease { get; }

    /// <summary>Extends the lease of every pending entry this process holds.</summary>
    Task RenewAsync(CancellationToken cancellationToken);

    /// <summary>Takes pending entries whose holder's lease ran out, oldest first.</summary>
    Task<IReadOnlyList<IngressEntry>> ClaimExpiredAsync(int maxCount, CancellationToken cancellationToken);
}
