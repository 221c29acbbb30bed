using Prow.GrainInterfaces.Tide;
using static Prow.Grains.Tide.PoolPlanner;

namespace Prow.Grains.Tide;

/// <summary>
/// Bisection of failed batches (tide.bisect_failed_batches; not in Prow): a failed batch becomes a suspect set, known
/// to hold at least one pull request that fails. Its two halves are tested at once; a half that passes merges as any
/// passing batch does (and so leaves the set), a half that fails replaces the set, so the culprit is alone after about
/// log₂ n rounds. Suspects outlive a moving base: what failed still holds a culprit, and merged pull requests simply
/// leave their set. A suspect of one is tested alone; if it fails it is the culprit.
/// </summary>
public static class PoolBisection
{
    internal sealed record Outcome(IReadOnlyList<IReadOnlyList<PoolJobPull>> Suspects, IReadOnlyList<BisectionCulprit> Culprits);

    internal static Outcome Narrow(string baseSha, IReadOnlyList<IReadOnlyList<PoolJobPull>> known, IReadOnlyDictionary<int, string> open, IReadOnlyList<PoolJob> jobs, IReadOnlyList<TestedBatch> batches, IReadOnlyList<string> requiredJobs)
    {
        var failedBatches = batches.Where(b => b.Standing == Standing.Failed).Select(b => b.Pulls).ToList();
        var groups = known.Concat(failedBatches.Where(b => b.Count > 1)).Select(g => g.OrderBy(p => p.Number).ToList()).ToList();
        bool FailedAlone(PoolJobPull p) => StandingOf(SingleJobs(jobs, baseSha, p.Number, p.Sha), requiredJobs) == Standing.Failed;

        // The smallest set inside a suspect that failed on its own holds the culprit too.
        for (var i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            var keys = group.Select(Key).ToHashSet(StringComparer.Ordinal);
            var failed = failedBatches.Where(b => b.All(p => keys.Contains(Key(p)))).Select(b => b.ToList())
                .Concat(group.Where(FailedAlone).Select(p => new List<PoolJobPull> { p }))
                .OrderBy(t => t.Count).ThenBy(t => t[0].Number)
                .FirstOrDefault();
            if (failed is not null && failed.Count < group.Count)
            {
                groups[i] = [.. failed.OrderBy(p => p.Number)];
            }
        }

        // A suspect holding another adds nothing; of equal ones keep the first.
        var distinct = new List<List<PoolJobPull>>();
        foreach (var group in groups.OrderBy(g => g.Count))
        {
            var keys = group.Select(Key).ToHashSet(StringComparer.Ordinal);
            if (!distinct.Exists(d => d.All(p => keys.Contains(Key(p)))))
            {
                distinct.Add(group);
            }
        }

        var culprits = new List<BisectionCulprit>();
        var suspects = new List<IReadOnlyList<PoolJobPull>>();
        foreach (var group in distinct.OrderBy(g => g[0].Number))
        {
            if (group is [var alone] && FailedAlone(alone))
            {
                var runs = SingleJobs(jobs, baseSha, alone.Number, alone.Sha);
                culprits.Add(new BisectionCulprit(alone, [.. requiredJobs.Where(j => runs.Exists(r => r.Job == j) && !runs.Exists(r => r.Job == j && r.State == "success"))]));
                continue;
            }

            // Pull requests that merged, closed or moved their head are no longer suspected.
            var remaining = group.Where(p => open.GetValueOrDefault(p.Number) == p.Sha).ToList();
            if (remaining.Count > 0)
            {
                suspects.Add(remaining);
            }
        }

        return new Outcome(suspects, culprits);
    }

    /// <summary>The halves of each suspect (a suspect of one: itself) with no run at this base yet, all in the pool.</summary>
    internal static IReadOnlyList<IReadOnlyList<int>> Untested(string baseSha, IReadOnlyList<IReadOnlyList<PoolJobPull>> suspects, IReadOnlyDictionary<int, string> pool, IReadOnlyList<PoolJob> jobs, IReadOnlyList<PoolJob> batchJobs, IReadOnlyList<string> requiredJobs)
    {
        var tested = batchJobs.Select(j => BatchKey(j.Pulls)).ToHashSet(StringComparer.Ordinal);
        var untested = new List<IReadOnlyList<int>>();
        foreach (var group in suspects)
        {
            var half = (group.Count + 1) / 2;
            IEnumerable<IReadOnlyList<PoolJobPull>> parts = group.Count == 1 ? [group] : [group.Take(half).ToList(), group.Skip(half).ToList()];
            foreach (var part in parts)
            {
                var inPool = part.All(p => pool.GetValueOrDefault(p.Number) == p.Sha);
                var fresh = inPool && (part is [var alone]
                    ? StandingOf(SingleJobs(jobs, baseSha, alone.Number, alone.Sha), requiredJobs) == Standing.Missing
                    : !tested.Contains(BatchKey(part)));
                if (fresh)
                {
                    untested.Add([.. part.Select(p => p.Number)]);
                }
            }
        }

        return untested;
    }

    private static string Key(PoolJobPull pull) => $"{pull.Number}:{pull.Sha}";
}
