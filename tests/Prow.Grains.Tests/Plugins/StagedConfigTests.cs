using Prow.Config;
using Prow.Grains.Plugins.ConfigUpdater;

namespace Prow.Grains.Tests.Plugins;

public sealed class StagedConfigTests : IDisposable
{

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("staged-config-");
    private readonly ConfigPaths _paths;

    public StagedConfigTests()
    {
        var jobs = Directory.CreateDirectory(Path.Combine(_root.FullName, "jobs")).FullName;
        File.WriteAllText(Path.Combine(_root.FullName, "config.yaml"), "plank: {}\n");
        File.WriteAllText(Path.Combine(_root.FullName, "plugins.yaml"), "plugins:\n  org:\n    plugins: [hold]\n");
        File.WriteAllText(Path.Combine(jobs, "a.yaml"), Job("job-a"));
        File.WriteAllText(Path.Combine(jobs, "old.yaml"), Job("job-old"));
        _paths = new ConfigPaths(Path.Combine(_root.FullName, "config.yaml"), jobs, Path.Combine(_root.FullName, "plugins.yaml"));
    }

    public void Dispose() => _root.Delete(recursive: true);

    private static string Job(string name) => $"presubmits:\n  org/repo:\n  - name: {name}\n    always_run: true\n    spec: {{containers: [{{image: alpine}}]}}\n";

    [Fact]
    public void ValidChanges_LoadOnTheCopy_ThenApplyWritesAndDeletesTheRealFiles()
    {
        ConfigFileChange[] changes =
        [
            new("prow/jobs/b.yaml", "job-config", Path.Combine(_paths.JobConfigPath!, "b.yaml"), Job("job-b")),
            new("prow/jobs/old.yaml", "job-config", Path.Combine(_paths.JobConfigPath!, "old.yaml"), null),
            new("prow/plugins.yaml", "plugins", _paths.PluginConfigPath, "plugins:\n  org:\n    plugins: [hold, size]\n"),
            new("prow/labels.yaml", "label-config", null, "anything"),
        ];

        Assert.Empty(StagedConfig.Validate(_paths, changes));
        Assert.False(File.Exists(Path.Combine(_paths.JobConfigPath!, "b.yaml")));

        StagedConfig.Apply(changes);

        var loaded = ConfigLoader.Load(_paths).Snapshot!;
        Assert.Equal(["job-a", "job-b"], loaded.Jobs.PresubmitsFor("org", "repo").Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["hold", "size"], loaded.Plugins.EnabledPluginsFor("org", "repo"));
        Assert.Equal(["a.yaml", "b.yaml"], Directory.GetFiles(_paths.JobConfigPath!).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void BrokenChange_ReportsTheErrors_AndTouchesNothing()
    {
        var before = File.ReadAllText(Path.Combine(_paths.JobConfigPath!, "a.yaml"));
        ConfigFileChange[] changes =
        [
            new("prow/jobs/a.yaml", "job-config", Path.Combine(_paths.JobConfigPath!, "a.yaml"), Job("job-old")),
        ];

        var errors = StagedConfig.Validate(_paths, changes);

        Assert.Contains(errors, e => e.Message.Contains("job-old", StringComparison.Ordinal));
        Assert.Equal(before, File.ReadAllText(Path.Combine(_paths.JobConfigPath!, "a.yaml")));
        Assert.Equal(2, Directory.GetFiles(_paths.JobConfigPath!).Length);
    }
}
