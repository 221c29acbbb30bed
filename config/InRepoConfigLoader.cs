using Prow.Config.Jobs;
using Prow.Config.Loading;

namespace Prow.Config;

/// <summary>
/// Loads in-repo job config (Prow's inrepoconfig): <c>.prow.yaml</c> or every YAML file under
/// <c>.prow/</c>, taken from the repository at the commit under test. The jobs get the static
/// config's defaults and presets, must not clash with static jobs, and may only use allowed clusters.
/// </summary>
public static class InRepoConfigLoader
{
    public const string SingleFile = ".prow.yaml";
    public const string Directory = ".prow/";

    /// <param name="files">Repository-relative path → content; files other than the in-repo config are ignored.</param>
    public static InRepoConfigResult Load(ConfigSnapshot snapshot, string orgRepo, IReadOnlyDictionary<string, string> files, bool strict = false)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(files);
        var sink = new ProblemSink(strict);
        if (!snapshot.Prow.InRepoConfig.IsEnabled(orgRepo))
        {
            sink.Error(SingleFile, 0, "in_repo_config.enabled", $"in-repo config is not enabled for {orgRepo}");
            return new InRepoConfigResult([], [], sink.Problems);
        }

        var dirFiles = files.Keys
            .Where(k => k.StartsWith(Directory, StringComparison.Ordinal) &&
                (k.EndsWith(".yaml", StringComparison.Ordinal) || k.EndsWith(".yml", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal).ToList();
        if (files.ContainsKey(SingleFile) && dirFiles.Count > 0)
        {
            sink.Error(SingleFile, 0, "", $"both {SingleFile} and {Directory} exist; use one of them");
            return new InRepoConfigResult([], [], sink.Problems);
        }

        var raw = new RawJobs();
        foreach (var file in dirFiles.Count > 0 ? dirFiles : files.ContainsKey(SingleFile) ? [SingleFile] : [])
        {
            if (ConfigLoader.Parse(file, files[file], sink) is { } root)
            {
                JobReader.ReadInRepoSections(root, orgRepo, raw);
                root.Finish();
            }
        }

        var finalizer = new JobFinalizer(snapshot.Prow, [.. snapshot.Jobs.Presets, .. raw.Presets], sink);
        var presubmits = raw.Presubmits.GetValueOrDefault(orgRepo, []).Select(j => finalizer.Finalize(j, orgRepo)).ToList();
        var postsubmits = raw.Postsubmits.GetValueOrDefault(orgRepo, []).Select(j => finalizer.Finalize(j, orgRepo)).ToList();

        // Static jobs come first, so a clash is reported on the in-repo job.
        var validator = new JobValidator(sink, snapshot.Prow.Plank);
        validator.ValidatePresubmits([.. snapshot.Jobs.PresubmitsFor(orgRepo), .. presubmits]);
        validator.ValidatePostsubmits([.. snapshot.Jobs.PostsubmitsFor(orgRepo), .. postsubmits]);
        foreach (var job in presubmits.Cast<JobBase>().Concat(postsubmits).Where(j => !ClusterAllowed(snapshot, orgRepo, j.Cluster)))
        {
            sink.Error(job.Source.File, job.Source.LineOf("cluster"), JobValidator.FieldOf(job, "cluster"),
                $"cluster \"{job.Cluster}\" is not allowed for repository {orgRepo}");
        }

        return new InRepoConfigResult(presubmits, postsubmits, sink.Problems);
    }

    private static bool ClusterAllowed(ConfigSnapshot snapshot, string orgRepo, string cluster)
    {
        var allowed = snapshot.Prow.InRepoConfig.AllowedClusters;
        return new[] { orgRepo, orgRepo.Split('/')[0], "*" }
            .Any(k => allowed.TryGetValue(k, out var list) && list.Contains(cluster, StringComparer.Ordinal));
    }
}
