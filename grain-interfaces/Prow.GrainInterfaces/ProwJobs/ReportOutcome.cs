using Orleans;

namespace Prow.GrainInterfaces.ProwJobs;

/// <summary>How one attempt at a report went.</summary>
[GenerateSerializer]
public enum ReportOutcome
{
    /// <summary>The far side took it.</summary>
    Accepted,

    /// <summary>It may take it later (a 5xx, a rate limit, no answer): try again.</summary>
    Retry,

    /// <summary>It never will (Prow swallows these too: a force-pushed commit, GitHub's cap on statuses per context, a refusal).</summary>
    Dropped,
}
