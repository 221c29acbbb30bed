using Prow.Config;

namespace Prow.Grains.Plugins.ConfigUpdater;

/// <summary>
/// Tries changes on a copy of the running configuration before touching it: the copy is loaded as the silo would load
/// it, and only a configuration that loads is written over the real files (each file replaced whole, so the config
/// watcher never reads half a file).
/// </summary>
public static class StagedConfig
{
    /// <summary>The errors the changed configuration would have; empty when it loads.</summary>
    public static IReadOnlyList<ConfigProblem> Validate(ConfigPaths running, IReadOnlyList<ConfigFileChange> changes)
    {
        ArgumentNullException.ThrowIfNull(running);
        ArgumentNullException.ThrowIfNull(changes);
        var stage = Directory.CreateTempSubdirectory("prow-config-updater-");
        try
        {
            var staged = new ConfigPaths(
                Copy(running.ConfigPath, Path.Combine(stage.FullName, "config")),
                Copy(running.JobConfigPath, Path.Combine(stage.FullName, "jobs")),
                Copy(running.PluginConfigPath, Path.Combine(stage.FullName, "plugins")));
            foreach (var change in changes.Where(c => c.LocalPath is not null))
            {
                var target = StagedPath(change.LocalPath!, running, staged);
                if (change.Content is null)
                {
                    File.Delete(target);
                }
                else
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.WriteAllText(target, change.Content);
                }
            }

            return [.. ConfigLoader.Load(staged).Errors];
        }
        finally
        {
            stage.Delete(recursive: true);
        }
    }

    /// <summary>Writes (or deletes) the real files; call only after <see cref="Validate"/> found no errors.</summary>
    public static void Apply(IReadOnlyList<ConfigFileChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes.Where(c => c.LocalPath is not null))
        {
            var target = change.LocalPath!;
            if (change.Content is null)
            {
                File.Delete(target);
                continue;
            }

            var temporary = target + ".config-updater.tmp";
            File.WriteAllText(temporary, change.Content);
            File.Move(temporary, target, overwrite: true);
        }
    }

    /// <summary>Copies a file, or a folder with everything in it, under <paramref name="folder"/>; the copy's path.</summary>
    private static string? Copy(string? source, string folder)
    {
        if (source is null)
        {
            return null;
        }

        Directory.CreateDirectory(folder);
        if (File.Exists(source))
        {
            var copy = Path.Combine(folder, Path.GetFileName(source));
            File.Copy(source, copy);
            return copy;
        }

        if (Directory.Exists(source))
        {
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var copy = Path.Combine(folder, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
            }

            return folder;
        }

        // A file about to be created by the change itself.
        return Path.Combine(folder, Path.GetFileName(source));
    }

    private static string StagedPath(string local, ConfigPaths running, ConfigPaths staged) =>
        local == running.ConfigPath ? staged.ConfigPath!
        : local == running.PluginConfigPath ? staged.PluginConfigPath!
        : local == running.JobConfigPath ? staged.JobConfigPath!
        : Path.Combine(staged.JobConfigPath!, Path.GetRelativePath(running.JobConfigPath!, local));
}
