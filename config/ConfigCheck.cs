namespace Prow.Config;

/// <summary>What <c>prow check-config</c> runs: load, print every problem, summarise.</summary>
public static class ConfigCheck
{
    /// <summary>0 when valid (warnings are printed but fail only under strict), otherwise 1.</summary>
    public static int Run(string? configPath, string? jobConfigPath, string? pluginConfigPath, bool strict, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (configPath is null && jobConfigPath is null && pluginConfigPath is null)
        {
            stderr.WriteLine("nothing to check: give --config-path, --job-config-path or --plugin-config");
            return 1;
        }

        var result = ConfigLoader.Load(new ConfigPaths(configPath, jobConfigPath, pluginConfigPath), strict);
        // Diagnostics go to stderr, errors first; stdout carries only the summary.
        foreach (var p in result.Problems.OrderBy(p => p.Severity == ProblemSeverity.Error ? 0 : 1))
        {
            stderr.WriteLine(p.ToString());
        }

        if (result.Snapshot is not { } s)
        {
            stderr.WriteLine($"config invalid: {result.Errors.Count()} error(s), {result.Warnings.Count()} warning(s)");
            return 1;
        }

        stdout.WriteLine($"config OK: {s.Jobs.PresubmitCount} presubmits, {s.Jobs.PostsubmitCount} postsubmits, " +
            $"{s.Jobs.Periodics.Count} periodics, {s.Plugins.EnabledCount} plugins enabled");
        return 0;
    }
}
