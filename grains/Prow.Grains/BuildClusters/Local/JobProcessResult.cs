namespace Prow.Grains.BuildClusters.Local;

/// <summary>How the job's process ended: Succeeded/Failed by exit status, TimedOut, Aborted, or Error when it could not start.</summary>
/// <param name="Description">Why, when the standard sentence for the outcome does not say it (a start or clone error).</param>
internal sealed record JobProcessResult(LocalRunOutcome Outcome, int? ExitCode, string? Description = null);
