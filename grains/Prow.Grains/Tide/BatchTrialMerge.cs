using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Prow.Grains.BuildClusters.Local;
using Prow.Services.Configuration;

namespace Prow.Grains.Tide;

/// <summary>
/// Prow's pickNewBatch: before a batch is tested, its candidates are merged onto the base one by one in a scratch
/// clone with the <c>git</c> command, each by its merge method, and any that does not merge is left out, so a batch never
/// holds pull requests that conflict. One clone per repository is kept under the workspaces and only fetches what it
/// lacks; picks are cached per base commit, so evaluating the same pool again runs no git. At most
/// <c>tide.max_goroutines</c> trial merges run at once across all pools.
/// </summary>
public sealed partial class BatchTrialMerge(ProwGrainOptions options, IConfigSource config, ILogger<BatchTrialMerge> logger) : IDisposable
{
    private const int MaxCachedPicks = 64;

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _clones = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BaseCache> _picks = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private SemaphoreSlim _parallel = new(20);
    private int _parallelism = 20;

    /// <summary>The candidates, in order, that merge onto the base together, up to <paramref name="limit"/> (0: no limit).</summary>
    public async Task<IReadOnlyList<int>> PickAsync(TrialMergeRequest request, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pool = $"{request.Org}/{request.Repo}@{request.Branch}";
        var key = $"{limit}|" + string.Join(',', request.Candidates.Select(c => $"{c.Number}:{c.Sha}:{c.Method}"));
        var cache = _picks.AddOrUpdate(pool, _ => new BaseCache(request.BaseSha), (_, old) => old.BaseSha == request.BaseSha ? old : new BaseCache(request.BaseSha));
        if (cache.Picks.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var parallel = Parallel();
        await parallel.WaitAsync(cancellationToken);
        var clone = _clones.GetOrAdd($"{request.Org}/{request.Repo}", _ => new SemaphoreSlim(1));
        await clone.WaitAsync(cancellationToken);
        try
        {
            var picked = await MergeAsync(request, limit, cancellationToken);
            if (cache.Picks.Count >= MaxCachedPicks)
            {
                cache.Picks.Clear();
            }

            cache.Picks[key] = picked;
            return picked;
        }
        finally
        {
            clone.Release();
            parallel.Release();
        }
    }

    private async Task<IReadOnlyList<int>> MergeAsync(TrialMergeRequest request, int limit, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(options.LocalCluster.WorkspaceRoot, "tide-trial-merges", request.Org, request.Repo);
        Directory.CreateDirectory(directory);
        if (!Directory.Exists(Path.Combine(directory, ".git")))
        {
            await RunAsync(directory, ["init", "--quiet"], cancellationToken);
        }

        // Fetch only what the clone lacks: the base, then each head (as the pull request's ref; a head that has moved on
        // since is fetched by itself, which GitHub allows).
        var url = request.CloneUrl ?? RefCloner.UrlFor(options.LocalCluster.GitBaseUrl, new LocalCloneRef { Org = request.Org, Repo = request.Repo, BaseRef = request.Branch });
        if (!await HasAsync(directory, request.BaseSha, cancellationToken))
        {
            await RunAsync(directory, ["fetch", "--quiet", url, request.Branch], cancellationToken);
            if (!await HasAsync(directory, request.BaseSha, cancellationToken))
            {
                await RunAsync(directory, ["fetch", "--quiet", url, request.BaseSha], cancellationToken);
            }
        }

        var missing = new List<TrialCandidate>();
        foreach (var candidate in request.Candidates)
        {
            if (!await HasAsync(directory, candidate.Sha, cancellationToken))
            {
                missing.Add(candidate);
            }
        }

        if (missing.Count > 0)
        {
            await RunAsync(directory, ["fetch", "--quiet", url, .. missing.Select(c => $"+refs/pull/{c.Number}/head:refs/tide/pull/{c.Number}")], cancellationToken);
        }

        await RunAsync(directory, ["reset", "--quiet", "--hard"], cancellationToken);
        await RunAsync(directory, ["clean", "-fdxq"], cancellationToken);
        await RunAsync(directory, ["checkout", "--quiet", "--detach", "--force", request.BaseSha], cancellationToken);
        var picked = new List<int>();
        foreach (var candidate in request.Candidates)
        {
            if (!await HasAsync(directory, candidate.Sha, cancellationToken))
            {
                continue; // its head is not on GitHub (yet): it cannot be tested now
            }

            if (await TryMergeAsync(directory, candidate, cancellationToken))
            {
                picked.Add(candidate.Number);
                if (limit > 0 && picked.Count >= limit)
                {
                    break;
                }
            }
            else
            {
                LogConflict(logger, request.Org, request.Repo, candidate.Number, request.BaseSha);
            }
        }

        return picked;
    }

    /// <summary>Prow's MergeWithStrategy: merge --no-ff, merge --squash and commit, or rebase onto HEAD; undone when it fails.</summary>
    private static async Task<bool> TryMergeAsync(string directory, TrialCandidate candidate, CancellationToken cancellationToken)
    {
        var head = (await GitCommand.RunAsync(directory, ["rev-parse", "HEAD"], null, cancellationToken)).Output.Trim();
        var merged = candidate.Method switch
        {
            "squash" => (await GitCommand.RunAsync(directory, ["merge", "--squash", "--no-stat", candidate.Sha], null, cancellationToken)).ExitCode == 0
                && (await GitCommand.RunAsync(directory, ["commit", "--no-stat", "--allow-empty", "-m", "merge"], null, cancellationToken)).ExitCode == 0,
            "rebase" => (await GitCommand.RunAsync(directory, ["rebase", "--no-stat", head, candidate.Sha], null, cancellationToken)).ExitCode == 0,
            _ => (await GitCommand.RunAsync(directory, ["merge", "--no-ff", "--no-stat", "-m", "merge", candidate.Sha], null, cancellationToken)).ExitCode == 0,
        };
        if (!merged)
        {
            await GitCommand.RunAsync(directory, [candidate.Method == "rebase" ? "rebase" : "merge", "--abort"], null, cancellationToken);
            await RunAsync(directory, ["reset", "--quiet", "--hard", head], cancellationToken);
            await RunAsync(directory, ["checkout", "--quiet", "--detach", head], cancellationToken);
        }

        return merged;
    }

    private static async Task<bool> HasAsync(string directory, string sha, CancellationToken cancellationToken) =>
        (await GitCommand.RunAsync(directory, ["cat-file", "-e", sha + "^{commit}"], null, cancellationToken)).ExitCode == 0;

    private static async Task RunAsync(string directory, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var result = await GitCommand.RunAsync(directory, args, null, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new TrialMergeException($"{GitCommand.Format(args)} exited with status {result.ExitCode}: {result.Output.Trim()}");
        }
    }

    /// <summary>tide.max_goroutines bounds the trial merges running at once, as it bounds Prow's parallel pool syncs.</summary>
    private SemaphoreSlim Parallel()
    {
        var wanted = Math.Max(1, config.Current.Prow.Tide.MaxGoroutines);
        lock (_gate)
        {
            if (wanted != _parallelism)
            {
                _parallel = new SemaphoreSlim(wanted);
                _parallelism = wanted;
            }

            return _parallel;
        }
    }

    public void Dispose()
    {
        _parallel.Dispose();
        foreach (var clone in _clones.Values)
        {
            clone.Dispose();
        }
    }

    private sealed record BaseCache(string BaseSha)
    {
        public ConcurrentDictionary<string, IReadOnlyList<int>> Picks { get; } = new(StringComparer.Ordinal);
    }

    [LoggerMessage(EventId = 7010, Level = LogLevel.Information, Message = "Tide leaves {Org}/{Repo}#{Number} out of the batch: it does not merge onto {BaseSha} with the pull requests before it")]
    private static partial void LogConflict(ILogger logger, string org, string repo, int number, string baseSha);
}

/// <param name="CloneUrl">Where the repository is fetched from; null: <c>--git-base-url</c>.</param>
/// <param name="Candidates">Oldest first.</param>
public sealed record TrialMergeRequest(string Org, string Repo, string Branch, string BaseSha, string? CloneUrl, IReadOnlyList<TrialCandidate> Candidates);

/// <param name="Method">merge, squash or rebase.</param>
public sealed record TrialCandidate(int Number, string Sha, string Method);

/// <summary>The scratch clone could not be brought to the base and heads (git missing, the repository unreachable).</summary>
public sealed class TrialMergeException(string message) : Exception(message);
