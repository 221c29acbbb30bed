namespace Prow.Grains.BuildClusters.Local;

/// <summary>What happened to one local run.</summary>
/// <param name="ExitCode">The command's exit status when it ran and exited (128 + signal when it was killed); otherwise null.</param>
/// <param name="Description">One sentence for the ProwJob status, e.g. "Job succeeded.".</param>
/// <param name="WorkspacePath">Where the run's workspace was (removed afterwards unless the runner keeps workspaces).</param>
public sealed record LocalRunResult(
    LocalRunOutcome Outcome,
    int? ExitCode,
    string Description,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string WorkspacePath,
    IReadOnlyList<LocalClonedRef> ClonedRefs);
