namespace Prow.Config.Tests;

public sealed class ProwSectionsTests
{
    private const string Config = """
        tide:
          sync_period: 2m
          queries:
          - repos: [org/repo]
            labels: [lgtm, approved]
            missingLabels: [do-not-merge/hold]
            author: bot
            excludedBranches: [gh-pages]
            milestone: v1
            reviewApprovedRequired: true
          merge_method:
            org: squash
            org/repo: rebase
            other:
              repos:
                lib:
                  branches:
                    "release-.*": merge
          merge_commit_template:
            org/repo:
              title: "{{ .Title }} (#{{ .Number }})"
          batch_size_limit:
            "*": 5
            org/repo: -1
          context_options:
            required-contexts: [global]
            orgs:
              org:
                optional-contexts: [netlify]
                repos:
                  repo:
                    skip-unknown-contexts: true
                    branches:
                      main:
                        required-contexts: [main-only]
        branch-protection:
          protect: false
          required_status_checks:
            contexts: [cla]
          orgs:
            org:
              protect: true
              enforce_admins: true
              repos:
                repo:
                  required_status_checks:
                    contexts: [build]
                  branches:
                    main:
                      enforce_admins: false
                      required_pull_request_reviews:
                        required_approving_review_count: 2
        deck:
          rerun_auth_configs:
            "*": {github_users: [admin]}
            org/repo: {allow_anyone: true}
        slack_reporter_configs:
          "*": {channel: ci, job_states_to_report: [failure]}
        in_repo_config:
          enabled: {"*": false, org: true, org/private: false}
        gerrit: {tick_interval: 1m}
        """;

    [Fact]
    public void Tide_QueriesMergeMethodsAndLimits_AreRead()
    {
        using var dir = new TempDir();
        var tide = Load.Ok(dir, Config).Prow.Tide;

        Assert.Equal(TimeSpan.FromMinutes(2), tide.SyncPeriod);
        Assert.Equal(TimeSpan.FromMinutes(2), tide.StatusUpdatePeriod);
        Assert.Equal(
            "is:pr state:open archived:false author:\"bot\" -base:\"gh-pages\" label:\"lgtm\" label:\"approved\" -label:\"do-not-merge/hold\" milestone:\"v1\" review:approved repo:\"org/repo\"",
            Assert.Single(tide.Queries).ToSearchQuery());
        Assert.Equal("rebase", tide.MergeMethodFor("org", "repo", "main"));
        Assert.Equal("squash", tide.MergeMethodFor("org", "other", "main"));
        Assert.Equal("merge", tide.MergeMethodFor("other", "lib", "release-1.0"));
        Assert.Equal("merge", tide.MergeMethodFor("nobody", "x", "main"));
        Assert.Equal("{{ .Title }} (#{{ .Number }})", tide.MergeCommitTemplateFor("org", "repo")!.Title);
        Assert.Equal(-1, tide.BatchSizeLimitFor("org", "repo"));
        Assert.Equal(5, tide.BatchSizeLimitFor("org", "other"));
    }

    [Fact]
    public void Tide_BisectFailedBatches_IsOffUnlessSet_NarrowestWins()
    {
        using var dir = new TempDir();
        var tide = Load.Ok(dir, "tide:\n  bisect_failed_batches:\n    org: true\n    org/legacy: false\n").Prow.Tide;

        Assert.True(tide.BisectFailedBatchesFor("org", "repo"));
        Assert.False(tide.BisectFailedBatchesFor("org", "legacy"));
        Assert.False(tide.BisectFailedBatchesFor("other", "repo"));
        Assert.False(Load.Ok(dir, Config).Prow.Tide.BisectFailedBatchesFor("org", "repo"));
    }

    [Fact]
    public void Tide_BisectFailedBatches_NotABoolean_IsAnError()
    {
        using var dir = new TempDir();
        var error = Load.SingleError(Load.Config(dir, "tide:\n  bisect_failed_batches:\n    org: sometimes\n"), "config.yaml", 2, "tide.bisect_failed_batches");

        Assert.Contains("\"sometimes\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tide_ContextOptions_LayerGlobalOrgRepoBranch()
    {
        using var dir = new TempDir();
        var options = Load.Ok(dir, Config).Prow.Tide.ContextOptions;

        var main = options.PolicyFor("org", "repo", "main");
        Assert.Equal(["global", "main-only"], main.RequiredContexts);
        Assert.Equal(["netlify"], main.OptionalContexts);
        Assert.True(main.SkipUnknownContexts);
        Assert.Null(options.PolicyFor("org", "other", "main").SkipUnknownContexts);
    }

    [Fact]
    public void BranchProtection_ChildOverridesFlagsAndUnionsContexts()
    {
        using var dir = new TempDir();
        var bp = Load.Ok(dir, Config).Prow.BranchProtection;

        var main = bp.PolicyFor("org", "repo", "main");
        Assert.True(main.Protect);
        Assert.False(main.EnforceAdmins);
        Assert.Equal(["cla", "build"], main.RequiredContexts);
        Assert.Equal(2, main.RequiredApprovingReviewCount);

        var dev = bp.PolicyFor("org", "repo", "dev");
        Assert.True(dev.EnforceAdmins);
        Assert.Null(dev.RequiredApprovingReviewCount);
        Assert.False(bp.PolicyFor("elsewhere", "x", "main").Protect);
    }

    [Fact]
    public void DeckSlackInRepo_AndUnknownSectionsKept()
    {
        using var dir = new TempDir();
        var result = Load.Config(dir, Config);
        var prow = result.Snapshot!.Prow;

        Assert.True(prow.Deck.RerunAuthConfigFor("org", "repo")!.AllowAnyone);
        Assert.Equal(["admin"], prow.Deck.RerunAuthConfigFor("org", "other")!.GitHubUsers);
        Assert.Equal("ci", prow.SlackReporterFor("org", "repo")!.Channel);
        Assert.True(prow.InRepoConfig.IsEnabled("org/repo"));
        Assert.False(prow.InRepoConfig.IsEnabled("org/private"));
        Assert.False(prow.InRepoConfig.IsEnabled("x/y"));
        Assert.True(prow.Extra.ContainsKey("gerrit"));
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void UnknownTopLevelSection_IsWarningNotFatal()
    {
        using var dir = new TempDir();
        var result = Load.Config(dir, "my_custom_section: {a: 1}\n");

        Assert.True(result.Succeeded);
        var w = Assert.Single(result.Warnings);
        Assert.Equal("my_custom_section", w.Field);
        Assert.Equal(1, w.Line);
    }

    [Fact]
    public void JobConfigFolder_EmptyFilesYmlAndNesting_AreMergedPerRepo()
    {
        using var dir = new TempDir();
        dir.Write("jobs/empty.yaml", "");
        dir.Write("jobs/a/one.yml", "presubmits:\n  org/repo:\n  - name: pull-a\n    spec: {containers: [{image: x}]}\n");
        dir.Write("jobs/b/c/two.yaml", "presubmits:\n  org/repo:\n  - name: pull-b\n    spec: {containers: [{image: x}]}\n");
        dir.Write("jobs/notes.txt", "not yaml: [");

        var result = ConfigLoader.Load(new ConfigPaths(null, Path.Combine(dir.Root, "jobs")));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(["pull-a", "pull-b"], result.Snapshot!.Jobs.PresubmitsFor("org/repo").Select(p => p.Name));
    }

    [Fact]
    public void JobFile_WithSecondYamlDocument_WarnsThatItIsIgnored()
    {
        using var dir = new TempDir();
        var jobs = dir.Write("jobs/a.yaml", "periodics:\n- name: ci-a\n  interval: 1h\n  spec: {containers: [{image: x}]}\n---\nperiodics:\n- name: ci-b\n");

        var result = ConfigLoader.Load(new ConfigPaths(null, Path.GetDirectoryName(jobs)));

        Assert.Equal("ci-a", Assert.Single(result.Snapshot!.Jobs.Periodics).Name);
        var w = Assert.Single(result.Warnings);
        Assert.Equal((6, "yaml"), (w.Line, w.Field));
    }

    [Fact]
    public void Fingerprint_ChangesWithContentOnly()
    {
        using var dir = new TempDir();
        var a = Load.Ok(dir, "pod_namespace: a\n").Fingerprint;
        var again = Load.Ok(dir, "pod_namespace: a\n").Fingerprint;
        var b = Load.Ok(dir, "pod_namespace: b\n").Fingerprint;

        Assert.Equal(a, again);
        Assert.NotEqual(a, b);
    }
}
