using Orleans;

namespace Prow.GrainInterfaces.ProwJobs;

/// <summary>
/// One build cluster (key: its name): how many jobs run on it at once. Jobs come here once plank's admission
/// (<see cref="IJobAdmissionGrain"/>: max_concurrency, job queues) let them; those that must wait are queued in order
/// and told when their slot comes.
/// </summary>
public interface IBuildClusterGrain : IGrainWithStringKey
{
    /// <summary>A slot now, or a place in the queue and the reason the job waits.</summary>
    Task<SlotDecision> TryAcquireAsync(string jobId);

    /// <summary>Frees the job's slot (or its place in the queue) and hands slots to waiting jobs.</summary>
    Task ReleaseAsync(string jobId);

    Task<BuildClusterView> GetAsync();

    /// <summary>After a restart, a run that still goes on holds a slot again (even beyond capacity: it is running).</summary>
    Task AdoptAsync(string jobId);
}

[GenerateSerializer, Immutable]
public sealed record BuildClusterView(string Name, int Capacity, IReadOnlyList<string> Running, IReadOnlyList<string> Queued)
{
    /// <summary>Why the cluster takes no jobs now (its API does not answer), or null.</summary>
    [Id(4)]
    public string? UnavailableReason { get; init; }
}

/// <param name="WaitReason">Why the job waits, for its description; null when granted.</param>
[GenerateSerializer, Immutable]
public sealed record SlotDecision(bool Granted, string? WaitReason);
