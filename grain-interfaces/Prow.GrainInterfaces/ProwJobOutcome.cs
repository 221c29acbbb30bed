using Orleans;

namespace Prow.GrainInterfaces;

/// <summary>
/// How a requested job has already ended without running: override's passing job for an overridden context is
/// created in the success state, so the job index, the status site and tide see the override as a run of the job.
/// </summary>
/// <param name="State">The ProwJob state it is created in (success).</param>
/// <param name="Url">Where its link points (the comment that asked for it).</param>
[GenerateSerializer, Immutable]
public sealed record ProwJobOutcome(string State, string Description, string? Url);
