namespace Prow.Config;

/// <summary>What <c>prow check-config</c> runs: load, print every problem, summarise.</summary>
public static class ConfigCheck
{
    /// <summary>0 when valid (warnings are printed but fail only under strict), otherwise 1.</summary>
    /// <param name="knownClusters">The build clusters and pools jobs may name; null skips the check (no clusters were given).</param>
    /// <param name="implementedPlugins">The plugins this build carries (see <see cref="ConfigLoader.Load"/>).</param>
    /// <param name="pluginNotice">What plugins that differ from Prow's do here (see <see cref="ConfigLoader.Load"/>).</param>
    public static int Run(string? configPath, string? jobConfigPath, string? pluginConfigPath, bool strict, TextWriter stdout, TextWriter stderr, IReadOnlyCollection<string>? knownClusters = null, IReadOnlySet<string>? implementedPlugins = null, Func<string, string?>? pluginNotice = null)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (configPath is null && jobConfigPath is null && pluginConfigPath is null)
        {
            stderr.WriteLine("nothing to check: give --config-path, --job-config-path or --plugin-config");
            return 1;
        }

        var result = ConfigLoader.Load(new ConfigPaths(configPath, jobConfigPath, pluginConfigPath), strict, implementedPlugins: implementedPlugins, pluginNotice: pluginNotice);
        // Diagnostics go to stderr, errors first; stdout carries only the summary.
        foreach (var p in result.Problems.OrderBy(p => p.Severity == ProblemSeverity.Error ? 0 : 1))
        {
            stderr.WriteLine(p.ToString());
        }

        var unknown = result.Snapshot is { } loaded && knownClusters is not null ? UnknownClusters(loaded, knownClusters) : [];
        foreach (var p in unknown)
        {
            stderr.WriteLine(p.ToString());
        }

        if (result.Snapshot is not { } s || unknown.Count > 0)
        {
            stderr.WriteLine($"config invalid: {result.Errors.Count() + unknown.Count} error(s), {result.Warnings.Count()} warning(s)");
            return 1;
        }

        // The warnings went to stderr; the summary says they are there, so "OK" on stdout cannot hide them.
        var warnings = result.Warnings.Count();
        var verdict = warnings == 0 ? "config OK" : $"config OK, {warnings} warning{(warnings == 1 ? "" : "s")}";
        stdout.WriteLine($"{verdict}: {s.Jobs.PresubmitCount} presubmits, {s.Jobs.PostsubmitCount} postsubmits, " +
            $"{s.Jobs.Periodics.Count} periodics, {s.Plugins.EnabledCount} plugins enabled");
        return 0;
    }

    /// <summary>Every job whose <c>cluster:</c> names no build cluster or pool this prow knows.</summary>
    public static IReadOnlyList<ConfigProblem> UnknownClusters(ConfigSnapshot snapshot, IReadOnlyCollection<string> knownClusters)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(knownClusters);
        var known = knownClusters.ToHashSet(StringComparer.Ordinal);
        var jobs = snapshot.Jobs.Presubmits.Values.SelectMany(j => j).Cast<Jobs.JobBase>()
            .Concat(snapshot.Jobs.Postsubmits.Values.SelectMany(j => j))
            .Concat(snapshot.Jobs.Periodics);
        return [.. jobs.Where(j => !known.Contains(j.Cluster)).Select(j => new ConfigProblem(
            j.Source.File,
            j.Source.LineOf("cluster"),
            "cluster",
            $"job {j.Name} names build cluster '{j.Cluster}', which is not one of: {string.Join(", ", known.Order(StringComparer.Ordinal))}",
            ProblemSeverity.Error))];
    }
}
