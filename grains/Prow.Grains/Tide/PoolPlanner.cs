using Prow.GrainInterfaces.Tide;

namespace Prow.Grains.Tide;

/// <summary>
/// Tide's choice for a pool, as a pure function. Each pull request in the pool is sorted by the results of its
/// required presubmits at the current base and its current head (success, pending, missing or failed); then, in
/// Prow's order: merge a passing batch; merge a passing pull request (highest priority, then lowest number) unless a batch is running; start a batch of
/// the pull requests waiting for tests; retest one; or wait. Unlike Prow, a batch that failed at this base is not
/// started again: the pool falls back to testing pull requests one at a time.
/// </summary>
public static class PoolPlanner
{
    private enum Standing
    {
        Success,
        Pending,
        Missing,
        Failed,
    }

    /// <param name="pool">The pull requests in the pool (they match a query and pass their contexts): number → head.</param>
    /// <param name="jobs">Every presubmit and batch job the pool knows of.</param>
    /// <param name="requiredJobs">The presubmits a pull request must pass at the current base before it merges.</param>
    /// <param name="batchSizeLimit">0 for no limit, -1 for no batches.</param>
    /// <param name="priority">Each pull request's rank from tide.priority (lower goes first); unranked ones come last.</param>
    public static PoolDecision Decide(string baseSha, IReadOnlyDictionary<int, string> pool, IReadOnlyList<PoolJob> jobs, IReadOnlyList<string> requiredJobs, int batchSizeLimit, IReadOnlyDictionary<int, int>? priority = null)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(requiredJobs);
        var numbers = pool.Keys.OrderBy(n => priority?.GetValueOrDefault(n, int.MaxValue) ?? 0).ThenBy(n => n).ToList();
        var standing = numbers.ToDictionary(n => n, n => StandingOf(SingleJobs(jobs, baseSha, n, pool[n]), requiredJobs));
        var batches = jobs.Where(j => j.Type == ProwJobType.Batch && j.BaseSha == baseSha && j.Pulls.All(p => pool.GetValueOrDefault(p.Number) == p.Sha))
            .GroupBy(j => BatchKey(j.Pulls))
            .Select(g => (Pulls: g.First().Pulls.Select(p => p.Number).Order().ToList(), Standing: StandingOf([.. g], requiredJobs)))
            .ToList();
        var batchPending = batches.Where(b => b.Standing == Standing.Pending).SelectMany(b => b.Pulls).Distinct().Order().ToList();
        List<int> Where(Standing s) => [.. numbers.Where(n => standing[n] == s)];
        var (successes, pendings, missings) = (Where(Standing.Success), Where(Standing.Pending), Where(Standing.Missing));
        PoolDecision Decision(string action, IReadOnlyList<int> targets, IReadOnlyList<string> toRun) =>
            new(action, targets, toRun, successes, pendings, missings, batchPending);

        var passing = batches.Where(b => b.Standing == Standing.Success).OrderByDescending(b => b.Pulls.Count).ThenBy(b => b.Pulls[0]).ToList();
        if (passing.Count > 0)
        {
            return Decision(TideActions.MergeBatch, passing[0].Pulls, []);
        }

        if (successes.Count > 0 && batchPending.Count == 0)
        {
            return Decision(TideActions.Merge, [successes[0]], []);
        }

        if (requiredJobs.Count == 0 || batchPending.Count > 0)
        {
            return Decision(TideActions.Wait, [], []);
        }

        var candidates = numbers.Where(n => standing[n] == Standing.Missing || (standing[n] == Standing.Pending && PendingOnlyOnTide(jobs, baseSha, n, pool[n]))).ToList();
        if (batchSizeLimit > 0)
        {
            candidates = [.. candidates.Take(batchSizeLimit)];
        }

        var failedBefore = batches.Exists(b => b.Standing == Standing.Failed && b.Pulls.SequenceEqual(candidates.Order()));
        if (batchSizeLimit != -1 && candidates.Count > 1 && !failedBefore && pendings.Count == 0)
        {
            return Decision(TideActions.TriggerBatch, [.. candidates.Order()], requiredJobs);
        }

        if (missings.Count > 0 && pendings.Count == 0)
        {
            var target = missings[0];
            var done = SingleJobs(jobs, baseSha, target, pool[target]).Where(j => j.State is "success" || !j.Complete).Select(j => j.Job).ToHashSet(StringComparer.Ordinal);
            return Decision(TideActions.Trigger, [target], [.. requiredJobs.Where(j => !done.Contains(j))]);
        }

        return Decision(TideActions.Wait, [], []);
    }

    private static List<PoolJob> SingleJobs(IReadOnlyList<PoolJob> jobs, string baseSha, int number, string head) =>
        [.. jobs.Where(j => j.Type == ProwJobType.Presubmit && (j.BaseSha == baseSha || j.SkipRetest) && j.Pulls is [var p] && p.Number == number && p.Sha == head)];

    private static bool PendingOnlyOnTide(IReadOnlyList<PoolJob> jobs, string baseSha, int number, string head) =>
        SingleJobs(jobs, baseSha, number, head).Where(j => !j.Complete).All(j => j.CreatedByTide);

    /// <summary>The best result of each required job decides: all passed, some running, some never run, or some only failed.</summary>
    private static Standing StandingOf(IReadOnlyList<PoolJob> jobs, IReadOnlyList<string> requiredJobs)
    {
        var worst = Standing.Success;
        foreach (var name in requiredJobs)
        {
            var runs = jobs.Where(j => j.Job == name).ToList();
            var best = runs.Exists(j => j.State == "success") ? Standing.Success
                : runs.Exists(j => !j.Complete) ? Standing.Pending
                : runs.Count > 0 ? Standing.Failed
                : Standing.Missing;
            worst = (Standing)Math.Max((int)worst, (int)best);
        }

        return worst;
    }

    private static string BatchKey(IReadOnlyList<PoolJobPull> pulls) => string.Join(',', pulls.OrderBy(p => p.Number).Select(p => $"{p.Number}:{p.Sha}"));
}
