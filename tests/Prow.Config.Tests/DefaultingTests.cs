using Prow.Config.Jobs;

namespace Prow.Config.Tests;

public sealed class DefaultingTests
{
    private const string Config = """
        pod_namespace: test-pods
        plank:
          default_decoration_config_entries:
          - config:
              timeout: 2h
              grace_period: 15s
              utility_images:
                clonerefs: clonerefs:v1
                sidecar: sidecar:v1
          - repo: org/special
            config:
              timeout: 3h
              utility_images:
                sidecar: sidecar:v2
          - cluster: gpu
            config:
              grace_period: 1m
        """;

    private const string Jobs = """
        presubmits:
          org/repo:
          - name: pull-plain
            spec: {containers: [{image: alpine, command: [echo]}]}
          - name: pull-decorated
            decorate: true
            decoration_config:
              timeout: 30m
            spec: {containers: [{image: alpine, command: [echo]}]}
          org/special:
          - name: pull-special
            decorate: true
            cluster: gpu
            spec: {containers: [{image: alpine, command: [echo]}]}
        postsubmits:
          org/repo:
          - name: post-plain
            spec: {containers: [{image: alpine, command: [echo]}]}
        """;

    [Fact]
    public void Presubmit_NoContextTriggerRerun_DefaultsLikeProw()
    {
        using var dir = new TempDir();
        var job = Load.Ok(dir, Config, Jobs).Jobs.PresubmitsFor("org", "repo")[0];

        Assert.Equal("pull-plain", job.Context);
        Assert.Equal("(?m)^/test( | .* )pull-plain,?($|\\s.*)", job.Trigger);
        Assert.Equal("/test pull-plain", job.RerunCommand);
        Assert.Equal("default", job.Cluster);
        Assert.Equal("kubernetes", job.Agent);
        Assert.Equal("test-pods", job.Namespace);
        Assert.False(job.Decorated);
        Assert.Null(job.DecorationConfig);
    }

    [Fact]
    public void Postsubmit_NoContextOrAlwaysRun_DefaultsToNameAndRunning()
    {
        using var dir = new TempDir();
        var job = Load.Ok(dir, Config, Jobs).Jobs.PostsubmitsFor("org/repo")[0];

        Assert.Equal("post-plain", job.Context);
        Assert.Null(job.AlwaysRun);
        Assert.True(job.ShouldRun("main", () => ["README.md"]));
    }

    [Fact]
    public void Decoration_JobValuesWin_MissingOnesComeFromPlank()
    {
        using var dir = new TempDir();
        var job = Load.Ok(dir, Config, Jobs).Jobs.PresubmitsFor("org/repo")[1];

        Assert.True(job.Decorated);
        Assert.Equal(TimeSpan.FromMinutes(30), job.DecorationConfig!.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(15), job.DecorationConfig.GracePeriod);
        Assert.Equal("clonerefs:v1", job.DecorationConfig.UtilityImage("clonerefs"));
    }

    [Fact]
    public void Decoration_LaterMatchingEntriesOverrideEarlierOnes()
    {
        using var dir = new TempDir();
        var job = Load.Ok(dir, Config, Jobs).Jobs.PresubmitsFor("org/special")[0];

        Assert.Equal(TimeSpan.FromHours(3), job.DecorationConfig!.Timeout);
        Assert.Equal(TimeSpan.FromMinutes(1), job.DecorationConfig.GracePeriod);
        Assert.Equal("sidecar:v2", job.DecorationConfig.UtilityImage("sidecar"));
        Assert.Equal("clonerefs:v1", job.DecorationConfig.UtilityImage("clonerefs"));
    }

    [Theory]
    [InlineData("""
        plank:
          default_decoration_configs:
            "*": {timeout: 1h, grace_period: 10s}
            org: {timeout: 2h}
            org/repo: {timeout: 3h}
        """)]
    [InlineData("""
        plank:
          default_decoration_configs:
          - config: {timeout: 1h, grace_period: 10s}
          - repo: org
            config: {timeout: 2h}
          - repo: org/repo
            config: {timeout: 3h}
        """)]
    public void DefaultDecorationConfigs_MapAndListForms_NarrowerWins(string config)
    {
        using var dir = new TempDir();
        var plank = Load.Ok(dir, config).Prow.Plank;

        Assert.Equal(TimeSpan.FromHours(3), plank.DecorationDefaultsFor("org/repo", "default")!.Timeout);
        Assert.Equal(TimeSpan.FromHours(2), plank.DecorationDefaultsFor("org/other", "default")!.Timeout);
        Assert.Equal(TimeSpan.FromHours(1), plank.DecorationDefaultsFor("else/x", "default")!.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(10), plank.DecorationDefaultsFor("org/repo", "default")!.GracePeriod);
    }

    [Fact]
    public void DecorateAllJobs_JobWithoutDecorate_IsDecorated()
    {
        using var dir = new TempDir();
        var s = Load.Ok(dir, "decorate_all_jobs: true\n" + Config, Jobs);

        Assert.True(s.Jobs.PresubmitsFor("org/repo")[0].Decorated);
        Assert.Equal(TimeSpan.FromHours(2), s.Jobs.PresubmitsFor("org/repo")[0].DecorationConfig!.Timeout);
    }

    [Fact]
    public void ProwConfig_EmptySections_GetProwDefaults()
    {
        using var dir = new TempDir();
        var s = Load.Ok(dir, "sinker:\n  max_pod_age: 12h\n");

        Assert.Equal(TimeSpan.FromHours(1), s.Prow.Sinker.ResyncPeriod);
        Assert.Equal(TimeSpan.FromDays(7), s.Prow.Sinker.MaxProwJobAge);
        Assert.Equal(TimeSpan.FromHours(12), s.Prow.Sinker.TerminatedPodTtl);
        Assert.Equal(TimeSpan.FromMinutes(1), s.Prow.Tide.SyncPeriod);
        Assert.Equal(TimeSpan.FromMinutes(1), s.Prow.Tide.StatusUpdatePeriod);
        Assert.Equal(TimeSpan.FromSeconds(10), s.Prow.Deck.TideUpdatePeriod);
        Assert.Equal("default", s.Prow.ProwJobNamespace);
        Assert.Equal(["presubmit", "postsubmit"], s.Prow.GitHubReporter.JobTypesToReport);
    }

    [Fact]
    public void YamlAnchorsAndMergeKeys_AreResolved()
    {
        using var dir = new TempDir();
        var jobs = """
            base: &base
              always_run: true
              optional: true
              spec: {containers: [{image: alpine, command: [echo]}]}
            presubmits:
              org/repo:
              - <<: *base
                name: pull-a
              - <<: *base
                name: pull-b
                optional: false
            """;
        var result = Load.Config(dir, Config, jobs);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var p = result.Snapshot!.Jobs.PresubmitsFor("org/repo");
        Assert.True(p[0].AlwaysRun && p[0].Optional);
        Assert.True(p[1].AlwaysRun);
        Assert.False(p[1].Optional);
        Assert.Contains(result.Warnings, w => w.Field == "base");
    }

    [Fact]
    public void GoDuration_ParsesProwStrings()
    {
        Assert.Equal(TimeSpan.FromHours(1), GoDuration.Parse("1h"));
        Assert.Equal(TimeSpan.FromMinutes(30), GoDuration.Parse("30m"));
        Assert.Equal(TimeSpan.FromHours(24), GoDuration.Parse("24h0m0s"));
        Assert.Equal(TimeSpan.FromDays(7), GoDuration.Parse("168h"));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), GoDuration.Parse("1.5s"));
        Assert.False(GoDuration.TryParse("1d", out _));
        Assert.False(GoDuration.TryParse("10", out _));
        Assert.Equal("24h0m0s", GoDuration.Format(TimeSpan.FromHours(24)));
    }

    [Fact]
    public void JobConfig_Accessors_ReturnJobsByRepo()
    {
        using var dir = new TempDir();
        var jobs = Load.Ok(dir, Config, Jobs).Jobs;

        Assert.Equal(3, jobs.AllPresubmits().Count);
        Assert.Equal(2, jobs.AllPresubmits("org/repo").Count);
        Assert.Empty(jobs.PresubmitsFor("other/repo"));
        Assert.Single(jobs.AllPostsubmits());
        Assert.IsType<Presubmit>(jobs.PresubmitsFor("org", "special")[0]);
    }
}
