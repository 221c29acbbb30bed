namespace Prow.Config.Tests;

public sealed class ConfigCheckTests
{
    [Fact]
    public void ConfigCheck_BrokenConfig_PrintsEachProblemAndExitsOne()
    {
        using var dir = new TempDir();
        var jobs = dir.Write("jobs/a.yaml", Periodic("  cron: \"0 0 * * *\"\n  interval: 1h"));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = ConfigCheck.Run(null, Path.GetDirectoryName(jobs), null, strict: false, stdout, stderr);

        Assert.Equal(1, code);
        Assert.Contains($"{jobs}:7: periodics.ci-foo.interval: cron and interval cannot be both set", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigCheck_WarningsOnly_ExitsZeroUnlessStrict()
    {
        using var dir = new TempDir();
        var jobs = dir.Write("jobs/a.yaml", Periodic("  interval: 1h\n  colour: blue"));
        var folder = Path.GetDirectoryName(jobs);

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        Assert.Equal(0, ConfigCheck.Run(null, folder, null, strict: false, stdout, stderr));
        Assert.Equal(1, ConfigCheck.Run(null, folder, null, strict: true, TextWriter.Null, TextWriter.Null));
        Assert.Equal($"{jobs}:7: periodics.ci-foo.colour: unknown field" + Environment.NewLine, stderr.ToString());
        Assert.StartsWith("config OK, 1 warning: 0 presubmits, 0 postsubmits, 1 periodics, 0 plugins enabled", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigCheck_ExtraRefsWithEveryFieldOfProwsRefs_LoadsWithoutWarnings()
    {
        // Every json field of Prow's Refs (pkg/apis/prowjobs/v1/types.go) that a job's extra_refs may set.
        using var dir = new TempDir();
        var jobs = dir.Write("jobs/a.yaml", Periodic("""
              interval: 1h
              extra_refs:
              - org: o
                repo: r
                repo_link: https://github.com/o/r
                base_ref: main
                base_sha: abc
                base_link: https://github.com/o/r/commit/abc
                path_alias: k8s.io/r
                workdir: true
                auxiliary: true
                clone_uri: https://github.com/o/r.git
                skip_submodules: true
                clone_depth: 1
                skip_fetch_head: true
                blobless_fetch: true
                sparse_checkout_files: [a, b]
            """));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        Assert.Equal(0, ConfigCheck.Run(null, Path.GetDirectoryName(jobs), null, strict: true, stdout, stderr));
        Assert.Equal("", stderr.ToString());
        Assert.StartsWith("config OK: ", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigCheck_UnknownFieldInExtraRefs_IsAWarningLikeAnyOther()
    {
        using var dir = new TempDir();
        var jobs = dir.Write("jobs/a.yaml", Periodic("""
              interval: 1h
              extra_refs:
              - org: o
                repo: r
                base_ref: main
                shiny_new_field: true
            """));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        Assert.Equal(0, ConfigCheck.Run(null, Path.GetDirectoryName(jobs), null, strict: false, stdout, stderr));
        Assert.Equal(1, ConfigCheck.Run(null, Path.GetDirectoryName(jobs), null, strict: true, TextWriter.Null, TextWriter.Null));
        Assert.Contains("periodics.ci-foo.extra_refs[0].shiny_new_field: unknown field", stderr.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("config OK, 1 warning: ", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigProblem_ToString_IsFileLineFieldMessage()
    {
        var p = new ConfigProblem("jobs/a.yaml", 12, "periodics.ci-a.cron", "invalid cron", ProblemSeverity.Error);

        Assert.Equal("jobs/a.yaml:12: periodics.ci-a.cron: invalid cron", p.ToString());
    }

    [Fact]
    public void ConfigCheck_NoPaths_ExitsOne()
    {
        using var stderr = new StringWriter();

        Assert.Equal(1, ConfigCheck.Run(null, null, null, strict: false, TextWriter.Null, stderr));
        Assert.Contains("nothing to check", stderr.ToString(), StringComparison.Ordinal);
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
