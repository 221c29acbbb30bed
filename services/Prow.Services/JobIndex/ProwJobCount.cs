namespace Prow.Services.JobIndex;

/// <summary>How many stored jobs share a job name, type, state, repository (<c>org/repo</c>, null without refs) and base branch.</summary>
public sealed record ProwJobCount(string Job, string Type, string State, string? Repo, string? BaseRef, long Count);
