using System.Security.Cryptography;
using System.Text;
using Prow.Config.Components;
using Prow.Config.Jobs;
using Prow.Config.Loading;
using Prow.Config.Plugins;
using Prow.Config.Yaml;
using YamlDotNet.RepresentationModel;

namespace Prow.Config;

/// <summary>Loads config.yaml, the job config folder and plugins.yaml into one validated snapshot.</summary>
public static class ConfigLoader
{
    /// <param name="implementedPlugins">
    /// The plugins this build carries: a Prow plugin enabled in plugins.yaml but missing here is an error at its line,
    /// so nothing is skipped silently. Null leaves that check out (the configuration alone is being read).
    /// </param>
    /// <param name="pluginNotice">
    /// For a plugin this build carries that does something other than Prow's plugin of that name, what it does here:
    /// said in a warning at each entry enabling it, so the difference is never silent.
    /// </param>
    public static ConfigLoadResult Load(ConfigPaths paths, bool strict = false, TimeProvider? clock = null, IReadOnlySet<string>? implementedPlugins = null, Func<string, string?>? pluginNotice = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var sink = new ProblemSink(strict);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var raw = new RawJobs();
        var prow = new ProwConfig();
        var plugins = PluginsConfig.Empty;

        if (paths.ConfigPath is { } configPath && ReadRoot(configPath, sink, hash) is { } root)
        {
            JobReader.ReadSections(root, raw);
            prow = ProwConfigReader.Read(root);
            root.Finish();
        }

        // Sequential on purpose: measured on the 2-core build machine, parsing files in parallel
        // cost 35% more CPU and was slower in wall time (allocation-heavy YAML parsing contends on GC).
        foreach (var file in JobFiles(paths.JobConfigPath, sink))
        {
            if (ReadRoot(file, sink, hash) is { } jobRoot)
            {
                JobReader.ReadSections(jobRoot, raw);
                jobRoot.Finish();
            }
        }

        if (paths.PluginConfigPath is { } pluginPath && ReadRoot(pluginPath, sink, hash) is { } pluginRoot)
        {
            plugins = PluginsReader.Read(pluginRoot);
            pluginRoot.Finish();
            if (implementedPlugins is not null)
            {
                CheckImplemented(pluginPath, plugins, implementedPlugins, pluginNotice, sink);
            }
        }

        var jobs = Finalize(raw, prow, sink);
        if (sink.HasErrors)
        {
            return new ConfigLoadResult(null, sink.Problems);
        }

        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var snapshot = new ConfigSnapshot(prow, jobs, plugins, now, Convert.ToHexStringLower(hash.GetHashAndReset()), paths);
        return new ConfigLoadResult(snapshot, sink.Problems);
    }

    private static void CheckImplemented(string file, PluginsConfig plugins, IReadOnlySet<string> implemented, Func<string, string?>? pluginNotice, ProblemSink sink)
    {
        // An external plugin this build carries runs built in and is not forwarded; said once per name.
        foreach (var builtIn in plugins.ExternalPlugins
            .SelectMany(e => e.Value.Select(p => (Scope: e.Key, Plugin: p)))
            .Where(x => implemented.Contains(x.Plugin.Name))
            .GroupBy(x => x.Plugin.Name, StringComparer.Ordinal))
        {
            var (scope, first) = builtIn.First();
            sink.Warning(file, first.Line, $"external_plugins.{scope}", $"external plugin {builtIn.Key} is built into this build: the built-in plugin runs for {string.Join(", ", builtIn.Select(x => x.Scope).Distinct(StringComparer.Ordinal))} and nothing is forwarded to {first.Endpoint}");
        }

        foreach (var (key, entry) in plugins.Plugins)
        {
            for (var i = 0; i < entry.Plugins.Count; i++)
            {
                var name = entry.Plugins[i];
                if (KnownPlugins.Names.Contains(name) && !implemented.Contains(name))
                {
                    sink.Error(file, entry.LineOf(i), $"plugins.{key}", $"plugin {name} is a Prow plugin this build does not implement");
                }
                else if (implemented.Contains(name) && pluginNotice?.Invoke(name) is { } notice)
                {
                    sink.Warning(file, entry.LineOf(i), $"plugins.{key}", notice);
                }
            }
        }
    }

    /// <summary>Every *.yaml / *.yml under the job config path (recursively, in a stable order), or the path itself if it is a file.</summary>
    internal static IEnumerable<string> JobFiles(string? path, ProblemSink sink)
    {
        if (string.IsNullOrEmpty(path))
        {
            return [];
        }

        if (File.Exists(path))
        {
            return [path];
        }

        if (!Directory.Exists(path))
        {
            sink.Error(path, 0, "job-config-path", "no such file or directory");
            return [];
        }

        return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static MapReader? ReadRoot(string file, ProblemSink sink, IncrementalHash hash)
    {
        var text = ReadText(file, sink);
        if (text is null)
        {
            return null;
        }

        AppendHash(hash, file, text);
        return Parse(file, text, sink);
    }

    private static string? ReadText(string file, ProblemSink sink)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            sink.Error(file, 0, "file", "cannot read: " + ex.Message);
            return null;
        }
    }

    private static void AppendHash(IncrementalHash hash, string file, string text) =>
        hash.AppendData(Encoding.UTF8.GetBytes(file + "\0" + text + "\0"));

    internal static MapReader? Parse(string file, string text, ProblemSink sink)
    {
        var ctx = new LoadContext(file, sink);
        var node = YamlFile.Parse(file, text, sink);
        if (node is null or YamlMappingNode)
        {
            return node is YamlMappingNode m ? new MapReader(ctx, m, "") : null;
        }

        ctx.Error(node, "", $"expected a mapping at the top of the file, got {YamlValues.Kind(node)}");
        return null;
    }

    private static JobConfig Finalize(RawJobs raw, ProwConfig prow, ProblemSink sink)
    {
        var finalizer = new JobFinalizer(prow, raw.Presets, sink);
        var validator = new JobValidator(sink, prow.Plank);
        var presubmits = new Dictionary<string, IReadOnlyList<Presubmit>>(StringComparer.Ordinal);
        foreach (var (repo, list) in raw.Presubmits)
        {
            var jobs = list.Select(j => finalizer.Finalize(j, repo)).ToList();
            validator.ValidatePresubmits(jobs);
            presubmits[repo] = jobs;
        }

        var postsubmits = new Dictionary<string, IReadOnlyList<Postsubmit>>(StringComparer.Ordinal);
        foreach (var (repo, list) in raw.Postsubmits)
        {
            var jobs = list.Select(j => finalizer.Finalize(j, repo)).ToList();
            validator.ValidatePostsubmits(jobs);
            postsubmits[repo] = jobs;
        }

        var periodics = raw.Periodics.Select(finalizer.Finalize).ToList();
        validator.ValidatePeriodics(periodics);
        return new JobConfig(presubmits, postsubmits, periodics, raw.Presets, prow.DecorateAllJobs);
    }
}
