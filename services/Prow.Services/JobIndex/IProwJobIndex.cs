namespace Prow.Services.JobIndex;

/// <summary>
/// A queryable table of every stored ProwJob, kept by the ProwJob grain on each state change, so
/// the status site lists, filters and pages jobs without visiting grains. Writes are idempotent upserts: a job
/// written twice (at-least-once) leaves one row with its latest state.
/// </summary>
public interface IProwJobIndex
{
    Task UpsertAsync(ProwJob job, CancellationToken cancellationToken);

    Task RemoveAsync(string id, CancellationToken cancellationToken);

    /// <summary>Jobs matching the query, newest first, one page after the query's cursor.</summary>
    Task<ProwJobPage> QueryAsync(ProwJobQuery query, CancellationToken cancellationToken);

    /// <summary>The stored jobs themselves (Prow's JSON shape), newest first, for <c>/prowjobs.js</c>.</summary>
    Task<IReadOnlyList<ProwJob>> ListJobsAsync(ProwJobQuery query, CancellationToken cancellationToken);

    /// <summary>One stored job, or null: the site's way to a job no grain holds (runs imported from another Prow).</summary>
    Task<ProwJob?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every stored job counted by name, type, state, repository and base branch: Prow's <c>prowjobs</c> gauge, read without visiting grains.</summary>
    Task<IReadOnlyList<ProwJobCount>> CountAsync(CancellationToken cancellationToken);

    /// <summary>Ids of jobs that completed before <paramref name="completedBefore"/>, in id order after <paramref name="afterId"/>: what sinker may forget.</summary>
    Task<IReadOnlyList<string>> ListCompletedBeforeAsync(DateTimeOffset completedBefore, string? afterId, int maxCount, CancellationToken cancellationToken);
}
