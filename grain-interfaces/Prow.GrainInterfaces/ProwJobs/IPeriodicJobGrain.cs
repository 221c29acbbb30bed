using Orleans;

namespace Prow.GrainInterfaces.ProwJobs;

/// <summary>One periodic job (key: its name): a durable reminder that triggers its runs on schedule (horologium).</summary>
public interface IPeriodicJobGrain : IGrainWithStringKey, IRemindable
{
    /// <summary>Makes sure the reminder exists (at startup and when the configuration gains the job).</summary>
    Task EnsureScheduledAsync();

    Task<PeriodicJobView> GetAsync();
}

[GenerateSerializer, Immutable]
public sealed record PeriodicJobView(string Name, IReadOnlyList<string> RunIds, DateTimeOffset? LastTriggeredAt);
