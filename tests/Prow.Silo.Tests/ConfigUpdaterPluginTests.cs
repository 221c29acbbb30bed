using Microsoft.Extensions.DependencyInjection;
using Prow.FakeGitHub;
using Prow.Services.Configuration;

namespace Prow.Silo.Tests;

public sealed class ConfigUpdaterPluginTests : IAsyncLifetime
{
    private const string Repo = PluginTestHost.Repo;

    private const string Maps = """
        config_updater:
          maps:
            prow/jobs.yaml: {name: job-config}
            prow/plugins.yaml: {name: plugins}
            prow/labels.yaml: {name: label-config}
        """;

    private const string NewJobs = """
        presubmits:
          org/repo:
          - name: new-job
            always_run: true
            spec: {containers: [{image: alpine}]}
        """;

    private PluginTestHost _host = null!;

    private string JobsFile => Path.Combine(_host.Folder, "jobs.yaml");

    public async Task InitializeAsync() => _host = await PluginTestHost.StartAsync("", "config-updater", extraPluginsYaml: Maps);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task MergedConfigChange_IsWrittenOverTheSilosFile_AndTheRunningConfigReloads()
    {
        SeedMerge(5, "merge5", ("prow/jobs.yaml", NewJobs), ("prow/labels.yaml", "default: {labels: []}\n"), ("README.md", "docs\n"));

        await _host.SendAsync("pull_request", WebhookEdits.Merged(Webhooks.PullRequest("closed", Repo, 5, "alice", "head5"), "merge5"), pullRequest: 5);

        Assert.Equal(NewJobs, await File.ReadAllTextAsync(JobsFile));
        var config = _host.Prow.Services.GetRequiredService<IConfigSource>();
        await Until(() => config.Current.Jobs.PresubmitsFor("org", "repo").Any(p => p.Name == "new-job"));
        var comment = Assert.Single(_host.GitHub.CommentsOn(Repo, 5)).Body;
        Assert.StartsWith("Updated the running configuration from this merge:\n* `prow/jobs.yaml` → `job-config` config map, written to `" + JobsFile + "`", comment, StringComparison.Ordinal);
        Assert.Contains("Not applied:\n* `prow/labels.yaml` → `label-config` config map: this silo has no file for it", comment, StringComparison.Ordinal);
        Assert.DoesNotContain("README.md", comment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MergedPluginsYaml_EnablesAPlugin_WhichThenHandlesComments()
    {
        var plugins = "plugins:\n  org:\n    plugins: [config-updater, hold]\n" + Maps;
        SeedMerge(9, "merge9", ("prow/plugins.yaml", plugins));
        _host.FakeRepo.AddPullRequest(10, "change", "alice", "head10");

        await _host.SendAsync("pull_request", WebhookEdits.Merged(Webhooks.PullRequest("closed", Repo, 9, "alice", "head9"), "merge9"), pullRequest: 9);

        Assert.Equal(plugins, await File.ReadAllTextAsync(Path.Combine(_host.Folder, "plugins.yaml")));
        var config = _host.Prow.Services.GetRequiredService<IConfigSource>();
        await Until(() => config.Current.Plugins.IsEnabled("org", "repo", "hold"));
        await _host.SendAsync("issue_comment", Webhooks.PullRequestComment(Repo, 10, "/hold", "bob"), pullRequest: 10);
        Assert.Equal(["do-not-merge/hold"], _host.GitHub.LabelsOn(Repo, 10));
    }

    [Fact]
    public async Task BrokenConfig_IsRejected_TheFileAndTheRunningConfigStay_AndThePullRequestIsTold()
    {
        SeedMerge(6, "merge6", ("prow/jobs.yaml", "presubmits:\n  org/repo:\n  - name: 'not a valid name!'\n    spec: {containers: [{image: alpine}]}\n"));
        var before = _host.Prow.Services.GetRequiredService<IConfigSource>().Current;

        await _host.SendAsync("pull_request", WebhookEdits.Merged(Webhooks.PullRequest("closed", Repo, 6, "alice", "head6"), "merge6"), pullRequest: 6);

        Assert.Equal("", await File.ReadAllTextAsync(JobsFile));
        Assert.Same(before, _host.Prow.Services.GetRequiredService<IConfigSource>().Current);
        var comment = Assert.Single(_host.GitHub.CommentsOn(Repo, 6)).Body;
        Assert.StartsWith("The configuration from this merge was not applied because it does not load; the previous configuration keeps running.", comment, StringComparison.Ordinal);
        Assert.Contains("jobs.yaml:3:", comment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangedFileThatCannotBeRead_IsNotTakenForADeletion_NothingIsApplied()
    {
        _host.FakeRepo.AddPullRequest(8, "config change", "alice", "head8").Files.Add(new FakeChangedFile("prow/jobs.yaml"));

        await _host.SendAsync("pull_request", WebhookEdits.Merged(Webhooks.PullRequest("closed", Repo, 8, "alice", "head8"), "merge8"), pullRequest: 8);

        Assert.True(File.Exists(JobsFile));
        Assert.Equal("The configuration from this merge was not applied: `prow/jobs.yaml` could not be read at merge8. The previous configuration keeps running.",
            Assert.Single(_host.GitHub.CommentsOn(Repo, 8)).Body);
    }

    [Fact]
    public async Task ClosedWithoutMerge_OrMergedIntoAnotherBranch_ChangesNothing()
    {
        SeedMerge(7, "merge7", ("prow/jobs.yaml", NewJobs));

        await _host.SendAsync("pull_request", Webhooks.PullRequest("closed", Repo, 7, "alice", "head7"), pullRequest: 7);
        await _host.SendAsync("pull_request", WebhookEdits.Merged(Webhooks.PullRequest("closed", Repo, 7, "alice", "head7", baseRef: "release"), "merge7"), pullRequest: 7);

        Assert.Equal("", await File.ReadAllTextAsync(JobsFile));
        Assert.Empty(_host.GitHub.Writes);
    }

    private void SeedMerge(int number, string mergeSha, params (string Path, string Content)[] files)
    {
        var pr = _host.FakeRepo.AddPullRequest(number, "config change", "alice", "head" + number);
        foreach (var (path, content) in files)
        {
            pr.Files.Add(new FakeChangedFile(path));
            _host.FakeRepo.WithFile(mergeSha, path, content);
        }
    }

    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 2400 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition(), "the running configuration did not reload the written file within 60 s");
    }
}
