using Orleans;

namespace Prow.GrainInterfaces.ProwJobs;

/// <summary>Prow's sinker (key "sinker"): on a durable reminder, forgets old finished ProwJobs and removes stale workspaces.</summary>
public interface ISinkerGrain : IGrainWithStringKey, IRemindable
{
    Task EnsureScheduledAsync();

    /// <summary>One cleanup pass now; returns how many ProwJobs and workspaces it removed.</summary>
    Task<SinkerPass> CleanAsync();
}

[GenerateSerializer, Immutable]
public sealed record SinkerPass(int ProwJobsRemoved, int WorkspacesRemoved, DateTimeOffset At)
{
    /// <summary>Finished pods deleted from Kubernetes build clusters.</summary>
    [Id(3)]
    public int PodsRemoved { get; init; }
}
