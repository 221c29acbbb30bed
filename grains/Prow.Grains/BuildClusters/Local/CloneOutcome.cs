namespace Prow.Grains.BuildClusters.Local;

/// <summary>What cloning the refs came to: every ref cloned, or the first failure.</summary>
internal sealed record CloneOutcome(IReadOnlyList<LocalClonedRef> Cloned, string? FailureDescription);
