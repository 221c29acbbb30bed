namespace Prow.Config.Tests;

/// <summary>One broken config per rule: each must be rejected naming file, line and field.</summary>
public sealed class ValidationTests
{
    private const string Config = "pod_namespace: test-pods\n";

    private static string Presubmit(string extra) => $"""
        presubmits:
          org/repo:
          - name: pull-foo
            spec:
              containers:
              - image: alpine
                command: [echo]
        {extra}
        """;

    [Fact]
    public void Load_YamlSyntaxError_ReportsFileAndLine()
    {
        using var dir = new TempDir();
        var result = Load.Config(dir, Config, "presubmits:\n  org/repo:\n  - name: a: b\n    optional: true\n");

        var error = Load.SingleError(result, "test-jobs.yaml", 3, "yaml");
        Assert.Contains("syntax error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_StringWhereBoolGoes_ReportsWrongType()
    {
        using var dir = new TempDir();
        var result = Load.Config(dir, Config, Presubmit("    always_run: \"sometimes\""));

        var error = Load.SingleError(result, "test-jobs.yaml", 8, "always_run");
        Assert.Contains("expected a bool", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownFieldStrict_IsErrorWithLine()
    {
        using var dir = new TempDir();
        var strict = Load.Config(dir, Config, Presubmit("    alwayz_run: true"), strict: true);
        var lenient = Load.Config(dir, Config, Presubmit("    alwayz_run: true"), strict: false);

        var error = Load.SingleError(strict, "test-jobs.yaml", 8, "alwayz_run");
        Assert.Equal("unknown field", error.Message);
        Assert.True(lenient.Succeeded);
        Assert.Contains(lenient.Warnings, w => w.Field.EndsWith("alwayz_run", StringComparison.Ordinal) && w.Line == 8);
        Assert.Equal("true", lenient.Snapshot!.Jobs.PresubmitsFor("org/repo")[0].Extra["alwayz_run"]);
    }

    [Fact]
    public void Load_DuplicatePresubmitOnSameBranches_IsRejected()
    {
        using var dir = new TempDir();
        var jobs = Presubmit("""
              - name: pull-foo
                context: other
                spec:
                  containers:
                  - image: alpine
                    command: [echo]
            """);
        var result = Load.Config(dir, Config, jobs);

        var error = Load.SingleError(result, "test-jobs.yaml", 8, "pull-foo.name");
        Assert.Contains("duplicated presubmit job", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SameNameOnDisjointBranches_IsAllowed()
    {
        using var dir = new TempDir();
        var jobs = """
            presubmits:
              org/repo:
              - name: pull-foo
                branches: [main]
                spec: {containers: [{image: alpine, command: [echo]}]}
              - name: pull-foo
                branches: [release-1.0]
                spec: {containers: [{image: alpine, command: [echo]}]}
            """;

        Load.Ok(dir, Config, jobs);
    }

    [Fact]
    public void Load_PeriodicWithCronAndInterval_IsRejected()
    {
        using var dir = new TempDir();
        var result = Load.Config(dir, Config, Periodic("  cron: \"0 * * * *\"\n  interval: 1h"));

        var error = Load.SingleError(result, "test-jobs.yaml", 7, "periodics.ci-foo.interval");
        Assert.Contains("cannot be both set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PeriodicWithNeitherCronNorInterval_IsRejected()
    {
        using var dir = new TempDir();
        var result = Load.Config(dir, Config, Periodic(""));

        var error = Load.SingleError(result, "test-jobs.yaml", 2, "periodics.ci-foo");
        Assert.Contains("must be set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadCron_IsRejected()
    {
        using var dir = new TempDir();
        var result = Load.Config(dir, Config, Periodic("  cron: \"61 * * * *\""));

        Load.SingleError(result, "test-jobs.yaml", 6, "periodics.ci-foo.cron");
    }

    [Fact]
    public void Load_BadInterval_IsRejected()
    {
        using var dir = new TempDir();
        var result = Load.Config(dir, Config, Periodic("  interval: 1 hour"));

        Load.SingleError(result, "test-jobs.yaml", 6, "periodics.ci-foo.interval");
    }

    [Theory]
    [InlineData("    trigger: \"(?m)^/test (foo\"\n    rerun_command: /test foo", "trigger")]
    [InlineData("    run_if_changed: \"^(pkg/\"", "run_if_changed")]
    [InlineData("    skip_if_only_changed: \"[docs\"", "skip_if_only_changed")]
    [InlineData("    branches: [\"release-(\"]", "branches")]
    [InlineData("    skip_branches: [\"*main\"]", "skip_branches")]
    public void Load_BadRegex_IsRejectedAtItsLine(string extra, string field)
    {
        using var dir = new TempDir();
        var result = Load.Config(dir, Config, Presubmit(extra));

        var error = Load.SingleError(result, "test-jobs.yaml", 8, "pull-foo." + field);
        Assert.Contains("regex", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    always_run: true\n    run_if_changed: ^pkg/", 9, "run_if_changed")]
    [InlineData("    always_run: true\n    skip_if_only_changed: ^docs/", 9, "skip_if_only_changed")]
    [InlineData("    run_if_changed: ^pkg/\n    skip_if_only_changed: ^docs/", 9, "skip_if_only_changed")]
    [InlineData("    trigger: (?m)^/test foo$", 8, "trigger")]
    [InlineData("    rerun_command: /test foo", 8, "rerun_command")]
    [InlineData("    trigger: (?m)^/run-it$\n    rerun_command: /test foo", 9, "rerun_command")]
    [InlineData("    max_concurrency: -1", 8, "max_concurrency")]
    [InlineData("    job_queue_name: nowhere", 8, "job_queue_name")]
    public void Load_ConflictingTriggerSettings_AreRejected(string extra, int line, string field)
    {
        using var dir = new TempDir();
        var result = Load.Config(dir, Config, Presubmit(extra));

        Load.SingleError(result, "test-jobs.yaml", line, "pull-foo." + field);
    }

    [Fact]
    public void Load_TwoJobsReportingSameContext_IsRejected()
    {
        using var dir = new TempDir();
        var jobs = Presubmit("""
              - name: pull-bar
                context: pull-foo
                spec: {containers: [{image: alpine, command: [echo]}]}
            """);
        var result = Load.Config(dir, Config, jobs);

        var error = Load.SingleError(result, "test-jobs.yaml", 9, "pull-bar.context");
        Assert.Contains("same GitHub context", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadJobName_IsRejected()
    {
        using var dir = new TempDir();
        var result = Load.Config(dir, Config, Presubmit("").Replace("pull-foo", "pull foo!", StringComparison.Ordinal));

        Load.SingleError(result, "test-jobs.yaml", 3, ".name");
    }

    [Fact]
    public void Load_KubernetesJobWithoutSpec_IsRejected()
    {
        using var dir = new TempDir();
        var result = Load.Config(dir, Config, "periodics:\n- name: ci-foo\n  interval: 1h\n");

        Load.SingleError(result, "test-jobs.yaml", 2, "periodics.ci-foo.spec");
    }

    [Fact]
    public void Load_BadDurationInConfig_NamesConfigFile()
    {
        using var dir = new TempDir();
        var result = Load.Config(dir, "sinker:\n  resync_period: soon\n");

        Load.SingleError(result, "config.yaml", 2, "sinker.resync_period");
    }

    [Fact]
    public void Load_BadMergeMethod_IsRejected()
    {
        using var dir = new TempDir();
        var result = Load.Config(dir, "tide:\n  merge_method:\n    org/repo: fast-forward\n");

        Load.SingleError(result, "config.yaml", 3, "tide.merge_method.org/repo");
    }

    [Theory]
    [InlineData("labels: [lgtm]", "'orgs' or 'repos' must be specified")]
    [InlineData("orgs: [org/repo]", "contains a '/'")]
    [InlineData("repos: [repo]", "does not contain a '/'")]
    [InlineData("orgs: [org]\n    repos: [org/repo]", "already included via org")]
    [InlineData("repos: [org/a]\n    excludedRepos: [org/b]", "has no effect")]
    [InlineData("repos: [org/a]\n    labels: [lgtm]\n    missingLabels: [lgtm]", "both required and forbidden")]
    [InlineData("repos: [org/a]\n    includedBranches: [main]\n    excludedBranches: [dev]", "mutually exclusive")]
    public void Load_InvalidTideQuery_IsRejectedAtTheQuery(string query, string message)
    {
        using var dir = new TempDir();
        var result = Load.Config(dir, "tide:\n  queries:\n  - " + query + "\n");

        var error = Load.SingleError(result, "config.yaml", 3, "tide.queries");
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PluginDuplicatedForOrgAndRepo_IsRejected()
    {
        using var dir = new TempDir();
        var plugins = "plugins:\n  org:\n    plugins: [lgtm]\n  org/repo:\n    plugins: [lgtm, size]\n";
        var result = Load.Config(dir, Config, pluginsYaml: plugins);

        Load.SingleError(result, "plugins.yaml", 4, "plugins.org/repo");
    }

    [Fact]
    public void Load_DuplicateYamlKey_IsRejected()
    {
        using var dir = new TempDir();
        var result = Load.Config(dir, "pod_namespace: a\nprowjob_namespace: b\npod_namespace: c\n");

        var error = Load.SingleError(result, "config.yaml", 3, "yaml");
        Assert.Contains("Duplicate key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileThatIsAList_IsRejected()
    {
        using var dir = new TempDir();
        var result = Load.Config(dir, "- just\n- a list\n");

        Load.SingleError(result, "config.yaml", 1, "");
    }

    [Fact]
    public void Load_PostsubmitRules_DuplicateAndAlwaysRunWithMatcher()
    {
        using var dir = new TempDir();
        var jobs = """
            postsubmits:
              org/repo:
              - name: post-a
                always_run: true
                run_if_changed: ^pkg/
                spec: {containers: [{image: x}]}
              - name: post-a
                branches: [main]
                spec: {containers: [{image: x}]}
            """;
        var result = Load.Config(dir, Config, jobs);

        var errors = result.Errors.OrderBy(e => e.Line).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Equal((5, "postsubmits.org/repo.post-a.run_if_changed"), (errors[0].Line, errors[0].Field));
        Assert.Equal((7, "postsubmits.org/repo.post-a.name"), (errors[1].Line, errors[1].Field));
    }

    [Fact]
    public void Load_UnknownNestedDecorationField_WarnsAtItsLine()
    {
        using var dir = new TempDir();
        var result = Load.Config(dir, Config, Presubmit("    decoration_config:\n      timeout: 1h\n      timout: 2h"));

        Assert.True(result.Succeeded);
        var w = Assert.Single(result.Warnings);
        Assert.Equal((10, "presubmits.org/repo.pull-foo.decoration_config.timout"), (w.Line, w.Field));
    }

    private static string Periodic(string extra) => $"""
        periodics:
        - name: ci-foo
          spec:
            containers:
            - image: alpine
        {extra}
        """;
}
