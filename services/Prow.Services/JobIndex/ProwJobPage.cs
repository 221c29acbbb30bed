namespace Prow.Services.JobIndex;

/// <summary>One page of jobs, newest first; <see cref="Next"/> continues after the last one, null at the end.</summary>
public sealed record ProwJobPage(IReadOnlyList<ProwJobSummary> Jobs, ProwJobCursor? Next);
