namespace Prow.Services.JobIndex;

/// <summary>The job index for <c>--storage memory:</c> and tests: a sorted set under a lock.</summary>
public sealed class MemoryProwJobIndex : IProwJobIndex
{
    private readonly Dictionary<string, (ProwJobSummary Summary, ProwJob Job)> _byId = new(StringComparer.Ordinal);
    private readonly SortedSet<ProwJobCursor> _newestLast = new(ProwJobCursor.Order);
    private readonly Lock _lock = new();

    public Task UpsertAsync(ProwJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var summary = ProwJobSummary.From(job);
        lock (_lock)
        {
            if (_byId.TryGetValue(job.Id, out var old))
            {
                _newestLast.Remove(ProwJobCursor.Of(old.Summary));
            }

            _byId[job.Id] = (summary, job);
            _newestLast.Add(ProwJobCursor.Of(summary));
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_byId.Remove(id, out var old))
            {
                _newestLast.Remove(ProwJobCursor.Of(old.Summary));
            }
        }

        return Task.CompletedTask;
    }

    public Task<ProwJobPage> QueryAsync(ProwJobQuery query, CancellationToken cancellationToken)
    {
        var page = Select(query, row => row.Summary);
        return Task.FromResult(new ProwJobPage(page, page.Count == Limit(query) ? ProwJobCursor.Of(page[^1]) : null));
    }

    public Task<IReadOnlyList<ProwJob>> ListJobsAsync(ProwJobQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ProwJob>>(Select(query, row => row.Job));

    public Task<ProwJob?> GetAsync(string id, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_byId.TryGetValue(id, out var row) ? row.Job : null);
        }
    }

    public Task<IReadOnlyList<ProwJobCount>> CountAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ProwJobCount>>([.. _byId.Values
                .GroupBy(r => (r.Summary.Job, r.Summary.Type, r.Summary.State, r.Summary.Repo, r.Summary.BaseRef))
                .Select(g => new ProwJobCount(g.Key.Job, g.Key.Type, g.Key.State, g.Key.Repo, g.Key.BaseRef, g.LongCount()))]);
        }
    }

    public Task<IReadOnlyList<string>> ListCompletedBeforeAsync(DateTimeOffset completedBefore, string? afterId, int maxCount, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<string>>([.. _byId.Values
                .Where(row => row.Summary.Completed < completedBefore && (afterId is null || string.CompareOrdinal(row.Summary.Id, afterId) > 0))
                .Select(row => row.Summary.Id)
                .Order(StringComparer.Ordinal)
                .Take(maxCount)]);
        }
    }

    private static int Limit(ProwJobQuery query) => Math.Clamp(query.Limit, 1, ProwJobQuery.MaxLimit);

    private List<T> Select<T>(ProwJobQuery query, Func<(ProwJobSummary Summary, ProwJob Job), T> project)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_lock)
        {
            if (_newestLast.Count == 0 || (query.After is { } first && ProwJobCursor.Order.Compare(first, _newestLast.Min) <= 0))
            {
                return [];
            }

            var ordered = query.After is { } after
                ? _newestLast.GetViewBetween(_newestLast.Min!, after).Reverse().SkipWhile(c => ProwJobCursor.Order.Compare(c, after) >= 0)
                : _newestLast.Reverse();
            return [.. ordered.Select(c => _byId[c.Id]).Where(row => query.Matches(row.Summary)).Take(Limit(query)).Select(project)];
        }
    }
}
