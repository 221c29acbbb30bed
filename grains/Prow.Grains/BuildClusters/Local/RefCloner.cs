using System.Globalization;

namespace Prow.Grains.BuildClusters.Local;

/// <summary>
/// Prow's clonerefs: for each ref, git init under src/, fetch tags, fetch and check out the base, merge each pull
/// with --no-ff at reproducible timestamps, update submodules, and record the final HEAD. The commands and their
/// output go to the build log in clonerefs' clone-log format ("# Cloning ...", "$ command", output, "# Error: ...").
/// </summary>
internal sealed class RefCloner(BuildLog log, IReadOnlyList<TimeSpan> fetchRetryDelays, TimeProvider timeProvider)
{
    public async Task<CloneOutcome> CloneAllAsync(LocalRunRequest request, string workspace, CancellationToken cancellationToken)
    {
        var cloned = new List<LocalClonedRef>();
        foreach (var cloneRef in request.Refs)
        {
            var directory = PathFor(workspace, cloneRef);
            var error = await CloneAsync(cloneRef, directory, UrlFor(request.GitBaseUrl, cloneRef), cancellationToken);
            if (error is not null)
            {
                await log.WriteTextAsync("# FAILED!");
                return new CloneOutcome(cloned, $"Cloning {cloneRef.Org}/{cloneRef.Repo} failed: {error}");
            }

            var head = await GitCommand.RunAsync(directory, ["rev-parse", "HEAD"], null, cancellationToken);
            cloned.Add(new LocalClonedRef(cloneRef, directory, head.Output.Trim()));
        }

        return new CloneOutcome(cloned, null);
    }

    public static string PathFor(string workspace, LocalCloneRef cloneRef) =>
        Path.Combine(workspace, "src", cloneRef.PathAlias ?? $"github.com/{cloneRef.Org}/{cloneRef.Repo}");

    /// <summary>
    /// The job's <c>clone_uri</c>, else <c>BASE/org/repo.git</c> as on GitHub. A <c>file://</c> base holds plain working
    /// copies as often as bare ones, so there <c>BASE/org/repo</c> is taken when only it exists.
    /// </summary>
    public static string UrlFor(string gitBaseUrl, LocalCloneRef cloneRef)
    {
        if (cloneRef.CloneUri is { } cloneUri)
        {
            return cloneUri;
        }

        var bare = $"{gitBaseUrl.TrimEnd('/')}/{cloneRef.Org}/{cloneRef.Repo}.git";
        if (Uri.TryCreate(gitBaseUrl, UriKind.Absolute, out var baseUri) && baseUri.IsFile)
        {
            var plain = Path.Combine(baseUri.LocalPath, cloneRef.Org, cloneRef.Repo);
            if (!Directory.Exists(plain + ".git") && Directory.Exists(plain))
            {
                return $"{gitBaseUrl.TrimEnd('/')}/{cloneRef.Org}/{cloneRef.Repo}";
            }
        }

        return bare;
    }

    /// <summary>Null on success, else the failing command's error.</summary>
    private async Task<string?> CloneAsync(LocalCloneRef cloneRef, string directory, string url, CancellationToken cancellationToken)
    {
        await log.WriteTextAsync(Header(cloneRef));
        Directory.CreateDirectory(directory);
        var target = cloneRef.BaseSha ?? "FETCH_HEAD";
        var setupError = await RunAllAsync(directory, [["init", "--quiet"]], fetch: false, cancellationToken)
            ?? await RunAllAsync(directory, [["fetch", url, "--tags", "--prune"], ["fetch", url, cloneRef.BaseRef]], fetch: true, cancellationToken);
        if (setupError is not null)
        {
            return setupError;
        }

        // The base ref's fetch usually brings base_sha along; fetch it by itself only when it did not (an older sha).
        if (cloneRef.BaseSha is { } sha && (await GitCommand.RunAsync(directory, ["cat-file", "-e", sha + "^{commit}"], null, cancellationToken)).ExitCode != 0
            && await RunAsync(directory, ["fetch", url, sha], true, null, cancellationToken) is { } shaError)
        {
            return shaError;
        }

        // Check out the target, then point the base branch at it and switch to it, as clonerefs does.
        string[][] checkout = [["checkout", "--quiet", target], ["branch", "--force", cloneRef.BaseRef, target], ["checkout", "--quiet", cloneRef.BaseRef]];
        if (await RunAllAsync(directory, checkout, fetch: false, cancellationToken) is { } checkoutError)
        {
            return checkoutError;
        }

        return await MergePullsAsync(cloneRef, directory, url, cancellationToken);
    }

    private async Task<string?> MergePullsAsync(LocalCloneRef cloneRef, string directory, string url, CancellationToken cancellationToken)
    {
        // Merge commits are dated one second after another from the base's commit time, so the same base and
        // pulls give the same tree and commit ids every time (clonerefs does the same).
        var timestamp = long.TryParse((await GitCommand.RunAsync(directory, ["show", "-s", "--format=%ct", "HEAD"], null, cancellationToken)).Output.Trim(),
            NumberStyles.Integer, CultureInfo.InvariantCulture, out var headTime) ? headTime : timeProvider.GetUtcNow().ToUnixTimeSeconds();
        foreach (var pull in cloneRef.Pulls)
        {
            var fetchRef = pull.Ref ?? $"pull/{pull.Number.ToString(CultureInfo.InvariantCulture)}/head";
            if (await RunAsync(directory, ["fetch", url, fetchRef], true, null, cancellationToken) is { } fetchError)
            {
                return fetchError;
            }

            timestamp++;
            var date = timestamp.ToString(CultureInfo.InvariantCulture) + " +0000";
            var dates = new Dictionary<string, string> { ["GIT_AUTHOR_DATE"] = date, ["GIT_COMMITTER_DATE"] = date };
            var mergeTarget = string.IsNullOrEmpty(pull.Sha) ? "FETCH_HEAD" : pull.Sha;
            if (await RunAsync(directory, ["merge", "--no-ff", "--no-edit", mergeTarget], false, dates, cancellationToken) is { } mergeError)
            {
                return mergeError;
            }
        }

        return await RunAsync(directory, ["submodule", "update", "--init", "--recursive"], false, null, cancellationToken);
    }

    /// <summary>Runs logged git commands in order until one fails; null when all succeed.</summary>
    private async Task<string?> RunAllAsync(string directory, string[][] commands, bool fetch, CancellationToken cancellationToken)
    {
        foreach (var args in commands)
        {
            if (await RunAsync(directory, args, fetch, null, cancellationToken) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    /// <summary>Runs one logged git command, retrying fetches after the configured pauses; null on success.</summary>
    private async Task<string?> RunAsync(
        string directory, string[] args, bool retry, IReadOnlyDictionary<string, string>? env, CancellationToken cancellationToken)
    {
        await log.WriteTextAsync("$ " + GitCommand.Format(args));
        var delays = retry ? fetchRetryDelays : [];
        for (var attempt = 0; ; attempt++)
        {
            var result = await GitCommand.RunAsync(directory, args, env, cancellationToken);
            await log.WriteTextAsync(result.Output);
            if (result.ExitCode == 0)
            {
                return null;
            }

            var error = $"{GitCommand.Format(args)} exited with status {result.ExitCode.ToString(CultureInfo.InvariantCulture)}";
            if (attempt >= delays.Count)
            {
                var detail = Reason(result.Output);
                await log.WriteTextAsync("# Error: " + error);
                return detail.Length > 0 ? $"{error}: {detail}" : error;
            }

            await log.WriteTextAsync($"# Retrying after {DurationText.Format(delays[attempt])}");
            await Task.Delay(delays[attempt], timeProvider, cancellationToken);
        }
    }

    /// <summary>git's own reason (its first fatal:/error: line), else the last thing it said.</summary>
    private static string Reason(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.FirstOrDefault(l => l.StartsWith("fatal:", StringComparison.Ordinal) || l.StartsWith("error:", StringComparison.Ordinal))
            ?? (lines.Length > 0 ? lines[^1] : string.Empty);
    }

    private static string Header(LocalCloneRef cloneRef)
    {
        var header = $"# Cloning {cloneRef.Org}/{cloneRef.Repo} at {cloneRef.BaseRef}";
        if (cloneRef.BaseSha is not null)
        {
            header += $"({cloneRef.BaseSha})";
        }

        if (cloneRef.Pulls.Count > 0)
        {
            header += "\n# Checking out pulls:" + string.Concat(cloneRef.Pulls.Select(p => $"\n#\t{p.Number}({p.Sha})"));
        }

        return header;
    }
}
