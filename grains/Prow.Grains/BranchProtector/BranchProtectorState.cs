namespace Prow.Grains.BranchProtector;

public sealed record BranchProtectorState
{
    /// <summary>The configuration last applied in full; null after a pass with failures, so the next tick retries.</summary>
    public string? Fingerprint { get; init; }

    public DateTimeOffset? LastPass { get; init; }
}
