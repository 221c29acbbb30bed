using Prow.Config.Jobs;

namespace Prow.Config.Tests;

public sealed class MatchingTests
{
    [Theory]
    [InlineData("main", true)]
    [InlineData("release-1.30", true)]
    [InlineData("feature/x", false)]
    [InlineData("main-old", true)] // Prow searches unanchored: "main" also matches "main-old".
    public void Brancher_BranchesList_MatchesLikeProw(string branch, bool expected)
    {
        var b = new Brancher(["main", @"^release-\d+\.\d+$"], []);

        Assert.Equal(expected, b.ShouldRun(branch));
    }

    [Fact]
    public void Brancher_SkipBranches_WinOverBranches()
    {
        var b = new Brancher([".*"], [@"^release-1\.2\d$"]);

        Assert.True(b.ShouldRun("main"));
        Assert.False(b.ShouldRun("release-1.25"));
        Assert.True(new Brancher([], []).ShouldRun("anything"));
    }

    [Fact]
    public void Brancher_GoNamedGroup_IsTranslated()
    {
        var b = new Brancher([@"^release-(?P<major>\d+)\.(?P<minor>\d+)$"], []);

        Assert.True(b.ShouldRun("release-4.12"));
        Assert.False(b.ShouldRun("release-x"));
    }

    [Fact]
    public void Brancher_Intersects_DetectsOverlap()
    {
        Assert.True(new Brancher(["main"], []).Intersects(new Brancher(["main", "dev"], [])));
        Assert.False(new Brancher(["main"], []).Intersects(new Brancher(["dev"], [])));
        Assert.False(new Brancher(["main"], []).Intersects(new Brancher([], ["main"])));
        Assert.True(new Brancher([], ["main"]).Intersects(new Brancher([], ["dev"])));
    }

    [Fact]
    public void RunIfChanged_AnyMatchingFile_Runs()
    {
        var m = new RegexpChangeMatcher(@"^pkg/.*\.go$", null);

        Assert.True(m.RunsAgainstChanges(["README.md", "pkg/a/b.go"]));
        Assert.False(m.RunsAgainstChanges(["README.md", "docs/x.go.md"]));
        Assert.True(m.CouldRun);
    }

    [Fact]
    public void SkipIfOnlyChanged_AllMatching_Skips()
    {
        var m = new RegexpChangeMatcher(null, @"^docs/|\.md$");

        Assert.False(m.RunsAgainstChanges(["docs/a.txt", "README.md"]));
        Assert.True(m.RunsAgainstChanges(["docs/a.txt", "main.go"]));
        Assert.False(m.RunsAgainstChanges([]));
    }

    [Fact]
    public void Presubmit_ShouldRun_CombinesBranchAlwaysRunForcedAndChanges()
    {
        var ps = new Presubmit { Name = "pull-x", Brancher = new Brancher(["main"], []), ChangeMatcher = new RegexpChangeMatcher("^pkg/", null) };

        Assert.False(ps.ShouldRun("dev", () => ["pkg/a"], forced: true, defaults: true));
        Assert.True(ps.ShouldRun("main", () => ["pkg/a"], forced: false, defaults: false));
        Assert.False(ps.ShouldRun("main", () => ["docs/a"], forced: false, defaults: false));
        Assert.True(ps.ShouldRun("main", () => ["docs/a"], forced: true, defaults: false));
        Assert.False(ps.NeedsExplicitTrigger);
        Assert.True(new Presubmit { Name = "pull-y" }.NeedsExplicitTrigger);
    }

    [Theory]
    [InlineData("/test pull-foo", true)]
    [InlineData("/test pull-foo-bar", false)]
    [InlineData("/test pull-bar pull-foo", true)]
    [InlineData("/test pull-foo, pull-bar", true)]
    [InlineData("lgtm\n/test pull-foo\nthanks", true)]
    [InlineData("/test all", false)]
    [InlineData("/retest", false)]
    [InlineData("please /test pull-foo", false)]
    public void TriggerMatches_DefaultTrigger_MatchesProwCommands(string comment, bool expected)
    {
        var ps = new Presubmit { Name = "pull-foo", Trigger = JobDefaults.DefaultTriggerFor("pull-foo") };

        Assert.Equal(expected, ps.TriggerMatches(comment));
    }

    [Fact]
    public void TestAllAndRetestPatterns_MatchTheirCommands()
    {
        Assert.Matches(JobDefaults.TestAllPattern, "/test all");
        Assert.DoesNotMatch(JobDefaults.TestAllPattern, "/test allx");
        Assert.Matches(JobDefaults.RetestPattern, "/retest");
        Assert.DoesNotMatch(JobDefaults.RetestPattern, "/retest foo");
    }

    [Fact]
    public void LegacyExplicitTrigger_FromCorpus_MatchesItsRerunCommand()
    {
        var result = ConfigLoader.Load(new ConfigPaths(null, Corpus.Path("kubernetes_test-infra/jobs-legacy-2019")));
        var jobs = result.Snapshot!.Jobs.AllPresubmits();

        Assert.All(jobs, j => Assert.True(j.TriggerMatches(j.RerunCommand), j.Name));
        Assert.Contains(jobs, j => j.Source.FieldLines.ContainsKey("trigger"));
        Assert.All(jobs, j => Assert.True(j.TriggerMatches("/test " + j.Name), j.Name));
    }
}
