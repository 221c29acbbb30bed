using Orleans;

namespace Prow.GrainInterfaces.ProwJobs;

/// <summary>
/// Crier for one ProwJob (key: its id): the reports its states owe (commit status, PR comment, Slack), recorded
/// durably and delivered until each is accepted or superseded by a newer state, across restarts.
/// </summary>
public interface ICrierGrain : IGrainWithStringKey
{
    /// <summary>Records the job's state and what it owes; returns once recorded. Delivery never holds the caller.</summary>
    Task RecordAsync(ProwJob job);

    /// <summary>What is still owed: reporter names (empty when every report went through).</summary>
    Task<IReadOnlyList<string>> OwedAsync();

    /// <summary>Forgets the job (sinker).</summary>
    Task ForgetAsync();
}
