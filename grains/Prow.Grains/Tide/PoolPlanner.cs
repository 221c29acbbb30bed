using Prow.GrainInterfaces.Tide;

namespace Prow.Grains.Tide;

/// <summary>
/// Tide's choice for a pool, as a pure function. Each pull request in the pool is sorted by the results of its
/// required presubmits at the current base and its current head (success, pending, missing or failed); then, in
/// Prow's order: merge a passing batch; merge a passing pull request (highest priority, then lowest number) unless a
/// batch is running; start a batch of the oldest pull requests waiting for tests that merge together; retest one; or
/// wait. Unlike Prow, a batch that failed at this base is not started again: the pool falls back to testing pull
/// requests one at a time or, with bisection on, tests the failed batch's halves (see <see cref="PoolBisection"/>).
/// </summary>
public static class PoolPlanner
{
    internal enum Standing
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
    /// <param name="batching">How batches are picked; null: the oldest candidates up to the limit, no bisection.</param>
    public static PoolDecision Decide(string baseSha, IReadOnlyDictionary<int, string> pool, IReadOnlyList<PoolJob> jobs, IReadOnlyList<string> requiredJobs, int batchSizeLimit, IReadOnlyDictionary<int, int>? priority = null, PoolBatching? batching = null)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(requiredJobs);
        batching ??= new PoolBatching();
        var numbers = pool.Keys.OrderBy(n => priority?.GetValueOrDefault(n, int.MaxValue) ?? 0).ThenBy(n => n).ToList();
        var standing = numbers.ToDictionary(n => n, n => StandingOf(SingleJobs(jobs, baseSha, n, pool[n]), requiredJobs));
        var batchJobs = jobs.Where(j => j.Type == ProwJobType.Batch && j.BaseSha == baseSha).ToList();
        var batches = batchJobs.Where(j => j.Pulls.All(p => pool.GetValueOrDefault(p.Number) == p.Sha))
            .GroupBy(j => BatchKey(j.Pulls))
            .Select(g => new TestedBatch([.. g.First().Pulls.OrderBy(p => p.Number)], StandingOf([.. g], requiredJobs), g.Count(j => j.State == "success"), g.Count(j => !j.Complete)))
            .ToList();
        var batchPending = batches.Where(b => b.Standing == Standing.Pending).SelectMany(b => b.Numbers).Distinct().Order().ToList();
        List<int> Where(Standing s) => [.. numbers.Where(n => standing[n] == s)];
        var (successes, pendings, missings) = (Where(Standing.Success), Where(Standing.Pending), Where(Standing.Missing));
        var bisection = batching.Suspects is { } known ? PoolBisection.Narrow(baseSha, known, batching.Open ?? pool, jobs, batches, requiredJobs) : null;
        var suspects = bisection?.Suspects ?? [];
        PoolDecision Decision(string action, IReadOnlyList<int> targets, IReadOnlyList<string> toRun, IReadOnlyList<IReadOnlyList<int>>? groups = null) =>
            new(action, targets, toRun, successes, pendings, missings, batchPending)
            {
                Groups = groups ?? (targets.Count > 0 ? [targets] : []),
                Suspects = bisection?.Suspects,
                Culprits = bisection?.Culprits ?? [],
            };

        var passing = batches.Where(b => b.Standing == Standing.Success).OrderByDescending(b => b.Pulls.Count).ThenBy(b => b.Numbers[0]).ToList();
        if (passing.Count > 0)
        {
            return Decision(TideActions.MergeBatch, passing[0].Numbers, []);
        }

        // A bisection's retest still running holds merges as a running batch does: the result it waits for is at this base.
        var bisectionRunning = suspects.Any(g => g.Any(p => StandingOf(SingleJobs(jobs, baseSha, p.Number, p.Sha), requiredJobs) == Standing.Pending));
        if (successes.Count > 0 && batchPending.Count == 0 && !bisectionRunning)
        {
            return Decision(TideActions.Merge, [successes[0]], []);
        }

        if (requiredJobs.Count == 0 || batchPending.Count > 0)
        {
            return Decision(TideActions.Wait, [], []);
        }

        var bisect = PoolBisection.Untested(baseSha, suspects, pool, jobs, batchJobs, requiredJobs);
        if (bisect.Count > 0)
        {
            var action = bisect.Any(g => g.Count > 1) ? TideActions.TriggerBatch : TideActions.Trigger;
            return Decision(action, [.. bisect.SelectMany(g => g).Order()], requiredJobs, bisect);
        }

        var suspected = suspects.SelectMany(g => g.Select(p => p.Number)).ToHashSet();
        var candidates = pool.Keys.Order()
            .Where(n => !suspected.Contains(n) && (standing[n] == Standing.Missing || (standing[n] == Standing.Pending && PendingOnlyOnTide(jobs, baseSha, n, pool[n]))))
            .ToList();
        if (batchSizeLimit != -1 && candidates.Count > 1 && pendings.Count == 0)
        {
            var picked = (batching.PrioritizeExistingBatches ? Existing(batches, candidates, batchSizeLimit) : null)
                ?? (batching.Pick is { } pick ? pick(candidates) : candidates);
            picked = [.. (batchSizeLimit > 0 ? picked.Take(batchSizeLimit) : picked).Order()];
            var failedBefore = batches.Exists(b => b.Standing == Standing.Failed && b.Numbers.SequenceEqual(picked));
            if (picked.Count > 1 && !failedBefore)
            {
                return Decision(TideActions.TriggerBatch, picked, requiredJobs);
            }
        }

        var waiting = missings.Where(n => !suspected.Contains(n)).ToList();
        if (waiting.Count > 0 && pendings.Count == 0)
        {
            var target = waiting[0];
            var done = SingleJobs(jobs, baseSha, target, pool[target]).Where(j => j.State is "success" || !j.Complete).Select(j => j.Job).ToHashSet(StringComparer.Ordinal);
            return Decision(TideActions.Trigger, [target], [.. requiredJobs.Where(j => !done.Contains(j))]);
        }

        return Decision(TideActions.Wait, [], []);
    }

    /// <summary>
    /// Prow's prioritize_existing_batches: of the batches whose pull requests are all still candidates (and within the
    /// limit), the one with the most passed jobs, else the most running ones.
    /// </summary>
    private static List<int>? Existing(List<TestedBatch> batches, List<int> candidates, int batchSizeLimit)
    {
        var eligible = batches.Where(b => b.Standing != Standing.Failed && (batchSizeLimit <= 0 || b.Pulls.Count <= batchSizeLimit) && b.Numbers.All(candidates.Contains)).ToList();
        var best = eligible.Where(b => b.Passed > 0).OrderByDescending(b => b.Passed).ThenBy(b => b.Numbers[0]).FirstOrDefault()
            ?? eligible.Where(b => b.Running > 0).OrderByDescending(b => b.Running).ThenBy(b => b.Numbers[0]).FirstOrDefault();
        return best?.Numbers;
    }

    internal static List<PoolJob> SingleJobs(IReadOnlyList<PoolJob> jobs, string baseSha, int number, string head) =>
        [.. jobs.Where(j => j.Type == ProwJobType.Presubmit && (j.BaseSha == baseSha || j.SkipRetest) && j.Pulls is [var p] && p.Number == number && p.Sha == head)];

    private static bool PendingOnlyOnTide(IReadOnlyList<PoolJob> jobs, string baseSha, int number, string head) =>
        SingleJobs(jobs, baseSha, number, head).Where(j => !j.Complete).All(j => j.CreatedByTide);

    /// <summary>The best result of each required job decides: all passed, some running, some never run, or some only failed.</summary>
    internal static Standing StandingOf(IReadOnlyList<PoolJob> jobs, IReadOnlyList<string> requiredJobs)
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

    internal static string BatchKey(IEnumerable<PoolJobPull> pulls) => string.Join(',', pulls.OrderBy(p => p.Number).Select(p => $"{p.Number}:{p.Sha}"));

    /// <summary>The jobs run over one set of pull request heads at the current base.</summary>
    internal sealed record TestedBatch(IReadOnlyList<PoolJobPull> Pulls, Standing Standing, int Passed, int Running)
    {
        public List<int> Numbers { get; } = [.. Pulls.Select(p => p.Number)];
    }
}
