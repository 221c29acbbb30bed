using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Prow.Clients.GitHub;
using Prow.Config;
using Prow.Config.Owners;

namespace Prow.Grains.OwnersFiles;

/// <summary>
/// Reads the OWNERS files that govern a set of changed files from GitHub (the contents API at the base branch's
/// current commit): the OWNERS of every directory from each file up to the root, and the root OWNERS_ALIASES, under
/// the names and the directory denylist the configuration gives the repository (<see cref="OwnersLayout"/>).
/// Prow clones the repository for this; asking only for the files that matter costs a few calls per directory, and
/// each answer is kept per commit, because at one commit a file never changes.
/// </summary>
public sealed partial class RepoOwnersLoader(ILogger<RepoOwnersLoader> logger)
{
    /// <summary>Files kept before the cache starts over; each entry is one small file (or the fact it is absent).</summary>
    private const int CacheCapacity = 20_000;

    /// <summary>Reads in flight at once: a wide pull request needs a hundred files, but one event should not burst the token budget.</summary>
    private const int ConcurrentReads = 8;

    private readonly ConcurrentDictionary<string, string?> _files = new(StringComparer.Ordinal);

    /// <summary>
    /// The OWNERS that apply to <paramref name="changedFiles"/> (and the root OWNERS) on <paramref name="baseBranch"/> as
    /// it is now, under the repository's file names and OWNERS directory denylist.
    /// </summary>
    public async Task<RepoOwners> LoadAsync(IRepositoryClient gitHub, ConfigSnapshot config, string org, string repo, string baseBranch, IEnumerable<string> changedFiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gitHub);
        ArgumentNullException.ThrowIfNull(changedFiles);
        var layout = OwnersLayout.For(config, org, repo);
        var baseSha = await gitHub.GetRefShaAsync(org, repo, "heads/" + baseBranch, cancellationToken);
        var paths = RelevantPaths(changedFiles, layout);
        using var gate = new SemaphoreSlim(ConcurrentReads);
        var read = await Task.WhenAll(paths.Select(async path =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return (Path: path, Text: await ReadAsync(gitHub, org, repo, baseSha, path, cancellationToken));
            }
            finally
            {
                gate.Release();
            }
        }));
        var texts = read.Where(r => r.Text is not null).ToDictionary(r => r.Path, r => r.Text!, StringComparer.Ordinal);

        var sink = new ProblemSink(strict: false);
        var owners = RepoOwners.Parse(texts, sink, layout.Filenames);
        foreach (var problem in sink.Problems)
        {
            LogOwnersProblem(logger, org, repo, baseSha, problem.File, problem.Line, problem.Message);
        }

        return owners;
    }

    /// <summary>
    /// OWNERS_ALIASES, then the OWNERS of the root and of every directory that holds or encloses a changed file, except
    /// directories the layout ignores (with what is below them).
    /// </summary>
    public static IReadOnlyList<string> RelevantPaths(IEnumerable<string> changedFiles, OwnersLayout? layout = null)
    {
        ArgumentNullException.ThrowIfNull(changedFiles);
        layout ??= OwnersLayout.Default;
        var directories = new SortedSet<string>(StringComparer.Ordinal) { "" };
        foreach (var file in changedFiles)
        {
            var dir = file.Trim('/');
            do
            {
                var slash = dir.LastIndexOf('/');
                dir = slash < 0 ? "" : dir[..slash];
                directories.Add(dir);
            }
            while (dir.Length > 0);
        }

        return [layout.Filenames.OwnersAliases, .. directories.Where(d => !layout.IsIgnored(d)).Select(layout.OwnersPath)];
    }

    private async Task<string?> ReadAsync(IRepositoryClient gitHub, string org, string repo, string sha, string path, CancellationToken cancellationToken)
    {
        var key = $"{org}/{repo}@{sha}:{path}";
        if (_files.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var text = (await gitHub.GetFileContentAsync(org, repo, path, sha, cancellationToken))?.Text;
        if (_files.Count >= CacheCapacity)
        {
            _files.Clear();
        }

        _files[key] = text;
        return text;
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "OWNERS problem in {Org}/{Repo}@{Sha}: {File}:{Line}: {Problem}")]
    private static partial void LogOwnersProblem(ILogger logger, string org, string repo, string sha, string file, int line, string problem);
}
