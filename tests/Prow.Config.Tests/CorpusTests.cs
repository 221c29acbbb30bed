namespace Prow.Config.Tests;

public sealed class CorpusTests
{
    public static TheoryData<string, string?, string, string?, int, int, int> Corpora => new()
    {
        { "kubernetes_test-infra", "kubernetes_test-infra/config.yaml", "kubernetes_test-infra/jobs", "kubernetes_test-infra/plugins.yaml", 400, 51, 156 },
        { "jobs-legacy-2019", null, "kubernetes_test-infra/jobs-legacy-2019", null, 77, 0, 3 },
        { "kubevirt_project-infra", "kubevirt_project-infra/config.yaml", "kubevirt_project-infra/jobs", "kubevirt_project-infra/plugins.yaml", 1399, 109, 147 },
        { "kyma-project_test-infra", "kyma-project_test-infra/final-before-removal/config.yaml", "kyma-project_test-infra/jobs", "kyma-project_test-infra/final-before-removal/plugins.yaml", 366, 142, 48 },
        { "kubernetes-sigs_prow", "kubernetes-sigs_prow/config.yaml", "kubernetes-sigs_prow/jobs", "kubernetes-sigs_prow/plugins.yaml", 6, 2, 2 },
    };

    [Theory]
    [MemberData(nameof(Corpora))]
    public void Load_Corpus_HasNoErrorsAndExpectedJobCounts(string name, string? config, string jobs, string? plugins, int pre, int post, int periodic)
    {
        var result = ConfigLoader.Load(new ConfigPaths(
            config is null ? null : Corpus.Path(config), Corpus.Path(jobs), plugins is null ? null : Corpus.Path(plugins)));

        Assert.True(result.Succeeded, name + ":\n" + string.Join("\n", result.Errors));
        var s = result.Snapshot!;
        Assert.Equal(pre, s.Jobs.PresubmitCount);
        Assert.Equal(post, s.Jobs.PostsubmitCount);
        Assert.Equal(periodic, s.Jobs.Periodics.Count);
    }

    [Fact]
    public void LoadStrict_KubernetesCorpus_HasNoErrors_ExtraRefsAuxiliaryIncluded()
    {
        // sig-node-presubmit.yaml sets extra_refs[].auxiliary, a field of Prow's Refs.
        var result = ConfigLoader.Load(new ConfigPaths(
            Corpus.Path("kubernetes_test-infra/config.yaml"), Corpus.Path("kubernetes_test-infra/jobs"),
            Corpus.Path("kubernetes_test-infra/plugins.yaml")), strict: true);

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void LoadStrict_KubevirtCorpus_HasNoProblemsAtAll()
    {
        var result = ConfigLoader.Load(new ConfigPaths(
            Corpus.Path("kubevirt_project-infra/config.yaml"), Corpus.Path("kubevirt_project-infra/jobs"),
            Corpus.Path("kubevirt_project-infra/plugins.yaml")), strict: true);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Load_LegacyJobsWithTodaysPresets_ReportsPresetConflicts()
    {
        // The 2019 jobs already carry volumes and env that today's presets add: Prow rejects that.
        var result = ConfigLoader.Load(new ConfigPaths(
            Corpus.Path("kubernetes_test-infra/config.yaml"), Corpus.Path("kubernetes_test-infra/jobs-legacy-2019")));

        Assert.False(result.Succeeded);
        Assert.All(result.Errors, e => Assert.Contains("duplicated in pod spec", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void ConfigCheck_KubevirtCorpus_PrintsSummaryAndExitsZero()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = ConfigCheck.Run(Corpus.Path("kubevirt_project-infra/config.yaml"), Corpus.Path("kubevirt_project-infra/jobs"),
            Corpus.Path("kubevirt_project-infra/plugins.yaml"), strict: false, stdout, stderr);

        Assert.Equal(0, code);
        Assert.Contains("config OK: 1399 presubmits, 109 postsubmits, 147 periodics, 377 plugins enabled", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal("", stderr.ToString());
    }

    [Fact]
    public void Load_KubernetesCorpus_ReadsProwSections()
    {
        var s = Load(
            "kubernetes_test-infra/config.yaml", "kubernetes_test-infra/jobs", "kubernetes_test-infra/plugins.yaml");

        Assert.Equal("test-pods", s.Prow.PodNamespace);
        Assert.Equal(TimeSpan.FromHours(2), s.Prow.Plank.DecorationDefaultsFor("kubernetes/kubernetes", "default")!.Timeout);
        Assert.Equal("https://prow.k8s.io/view/", s.Prow.Plank.JobUrlPrefixFor("kubernetes", "kubernetes"));
        Assert.NotEmpty(s.Prow.Tide.Queries);
        Assert.Equal("squash", s.Prow.Tide.MergeMethodFor("kubernetes-client", "csharp", "master"));
        Assert.Contains("trigger", s.Plugins.EnabledPluginsFor("kubernetes", "kubernetes"));
        Assert.All(s.Jobs.AllPresubmits(), p => Assert.False(string.IsNullOrEmpty(p.Context)));
    }

    [Fact]
    public void Load_KubevirtCorpus_ResolvesMergeKeysAndClusters()
    {
        var s = Load("kubevirt_project-infra/config.yaml", "kubevirt_project-infra/jobs", "kubevirt_project-infra/plugins.yaml");

        var clusters = s.Jobs.AllPresubmits().Select(p => p.Cluster).Distinct().ToList();
        Assert.True(clusters.Count > 1, "jobs should run on several build clusters");
        Assert.Contains(s.Jobs.Periodics, p => p.CronSchedule is not null);
        Assert.Contains(s.Jobs.Periodics, p => p.MinimumIntervalDuration is not null || p.IntervalDuration is not null);
        // Plank's pod timeouts as kubevirt sets them; the running timeout and max_revivals keep Prow's defaults.
        Assert.Equal((TimeSpan.FromMinutes(60), TimeSpan.FromHours(24), TimeSpan.FromHours(48), 3),
            (s.Prow.Plank.PodPendingTimeout, s.Prow.Plank.PodUnscheduledTimeout, s.Prow.Plank.PodRunningTimeout, s.Prow.Plank.MaxRevivals));
        // Metrics pushed to the Pushgateway Service and served too; the interval is Prow's default.
        Assert.Equal(("pushgateway", TimeSpan.FromMinutes(1), true, true),
            (s.Prow.PushGateway.Endpoint, s.Prow.PushGateway.Interval, s.Prow.PushGateway.ServeMetrics, s.Prow.PushGateway.MetricsServed));
    }

    [Fact]
    public void Load_KubernetesCorpus_ReadsJobQueueCapacities_AndEveryQueueAJobNamesIsOne()
    {
        var s = Load("kubernetes_test-infra/config.yaml", "kubernetes_test-infra/jobs", "kubernetes_test-infra/plugins.yaml");

        Assert.Equal(1, s.Prow.Plank.JobQueueCapacities["k8sio-image-promo"]);
        var queued = s.Jobs.AllPresubmits().Cast<Prow.Config.Jobs.JobBase>().Concat(s.Jobs.Periodics).Where(j => j.JobQueueName is not null).ToList();
        Assert.NotEmpty(queued);
        Assert.All(queued, j => Assert.True(s.Prow.Plank.JobQueueCapacities.ContainsKey(j.JobQueueName!), j.Name));
    }

    private static ConfigSnapshot Load(string config, string jobs, string plugins)
    {
        var result = ConfigLoader.Load(new ConfigPaths(Corpus.Path(config), Corpus.Path(jobs), Corpus.Path(plugins)));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Snapshot!;
    }
}
