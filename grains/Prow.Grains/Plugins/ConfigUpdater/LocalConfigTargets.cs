using Prow.Config;

namespace Prow.Grains.Plugins.ConfigUpdater;

/// <summary>
/// Where a config map entry lives on this silo. Prow writes config maps that its components mount; here the
/// silo reads files, so each config map name stands for the file it was started with:
/// <list type="bullet">
/// <item><c>config</c> → the <c>--config-path</c> file;</item>
/// <item><c>plugins</c> → the <c>--plugin-config</c> file;</item>
/// <item><c>job-config</c> and names starting with <c>job-config</c> → a file named after the entry's key (the changed
/// file's name unless the map sets <c>key</c>) in the <c>--job-config-path</c> folder; when that path is a single file,
/// only an entry with that file's name.</item>
/// </list>
/// Other config maps have no file here and are reported as not applied.
/// </summary>
public static class LocalConfigTargets
{
    public const string ConfigMap = "config";
    public const string PluginsMap = "plugins";
    public const string JobConfigMapPrefix = "job-config";

    public static string? Resolve(string configMapName, string key, ConfigPaths paths)
    {
        ArgumentNullException.ThrowIfNull(configMapName);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(paths);
        if (configMapName == ConfigMap)
        {
            return paths.ConfigPath;
        }

        if (configMapName == PluginsMap)
        {
            return paths.PluginConfigPath;
        }

        if (!configMapName.StartsWith(JobConfigMapPrefix, StringComparison.Ordinal) || paths.JobConfigPath is not { } jobs || key.Contains('/', StringComparison.Ordinal) || key is "" or "." or "..")
        {
            return null;
        }

        return Directory.Exists(jobs) ? Path.Combine(jobs, key)
            : Path.GetFileName(jobs) == key ? jobs
            : null;
    }
}
