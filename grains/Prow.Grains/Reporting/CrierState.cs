namespace Prow.Grains.Reporting;

/// <summary>Crier's record for one job: its newest state and, per reporter, the last state that reporter delivered.</summary>
public sealed record CrierState
{
    public ProwJob? Job { get; init; }

    public Dictionary<string, string> Reported { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Delivery attempts that ended with something still owed, for the logs.</summary>
    public int FailedAttempts { get; init; }
}
