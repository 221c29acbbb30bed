using Prow.Config.Plugins;

namespace Prow.Config.Tests;

/// <summary>repo_milestone, milestone_applier, branch_cleaner and sigmention: read from the corpora and validated as Prow does.</summary>
public sealed class MilestonePluginsConfigTests
{
    [Fact]
    public void KubernetesCorpus_MilestoneSections_AreRead()
    {
        var result = ConfigLoader.Load(new ConfigPaths(null, null, Corpus.Path("kubernetes_test-infra", "plugins.yaml")), strict: true);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var plugins = result.Snapshot!.Plugins;

        foreach (var section in new[] { "repo_milestone", "milestone_applier", "branch_cleaner", "sigmention" })
        {
            Assert.False(plugins.Extra.ContainsKey(section), section);
        }

        var fallback = plugins.RepoMilestone[""];
        Assert.Equal(("milestone-maintainers", "Milestone Maintainers Team", 0), (fallback.MaintainersTeam, fallback.MaintainersFriendlyName, fallback.MaintainersId));
        Assert.Equal("controller-runtime-maintainers", plugins.RepoMilestoneFor("kubernetes-sigs", "controller-runtime").MaintainersTeam);
        Assert.Same(fallback, plugins.RepoMilestoneFor("kubernetes", "kubernetes"));

        Assert.Equal("v1.37", plugins.MilestoneApplier["kubernetes/kubernetes"]["master"]);
        Assert.Equal("v1.34", plugins.MilestoneApplier["kubernetes/kubernetes"]["release-1.34"]);

        Assert.True(plugins.BranchCleaner.IsPreserved("kubernetes-sigs", "cloud-provider-azure", "release-1.26"));
        Assert.False(plugins.BranchCleaner.IsPreserved("kubernetes-sigs", "cloud-provider-azure", "feature-x"));
        Assert.Equal(SigMentionConfig.DefaultRegexp, plugins.SigMention.Regexp);
    }

    public static TheoryData<string, string, string, bool> PreservedCases => new()
    {
        // name, preserved_branches yaml, branch, kept
        { "exact name for the repo", "org/repo: [main]", "main", true },
        { "exact name for the org", "org: [main]", "main", true },
        { "another repo's list does not count", "org/other: [main]", "main", false },
        { "a pattern matches anywhere, unanchored as in Go", "org: ['release-\\d+']", "old-release-12-fix", true },
        { "an anchored pattern", "org: ['^release-']", "old-release-12", false },
        { "a pattern that does not compile still matches by name", "org: ['feat[']", "feat[", true },
        { "a pattern that does not compile matches nothing else", "org: ['feat[']", "feature", false },
    };

    [Theory]
    [MemberData(nameof(PreservedCases))]
    public void BranchCleaner_PreservedBranches_MatchAsProwMatchesThem(string name, string preserved, string branch, bool kept)
    {
        Assert.NotEmpty(name);
        using var dir = new TempDir();
        var plugins = Load.Ok(dir, "", pluginsYaml: $"branch_cleaner:\n  preserved_branches:\n    {preserved}\n").Plugins;

        Assert.Equal(kept, plugins.BranchCleaner.IsPreserved("org", "repo", branch));
    }

    [Fact]
    public void RepoMilestone_DefaultsTheFriendlyName_AndWarnsAboutTheIdAndAboutNoTeam()
    {
        using var dir = new TempDir();
        var result = Load.Config(dir, "", pluginsYaml: "repo_milestone:\n  '':\n    maintainers_id: 42\n  org/repo:\n    maintainers_friendly_name: Leads\n");

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var plugins = result.Snapshot!.Plugins;
        Assert.Equal((42, "", RepoMilestoneConfig.DefaultFriendlyName), (plugins.RepoMilestone[""].MaintainersId, plugins.RepoMilestone[""].MaintainersTeam, plugins.RepoMilestone[""].MaintainersFriendlyName));
        Assert.Equal(42, plugins.RepoMilestoneFor("org", "elsewhere").MaintainersId);
        Assert.Contains(result.Problems, p => p.Line == 3 && p.Field == "repo_milestone..maintainers_id" && p.Message.Contains("deprecated", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Line == 5 && p.Field == "repo_milestone.org/repo" && p.Message.Contains("names no team", StringComparison.Ordinal));
    }

    [Fact]
    public void RepoMilestone_UnknownField_IsAnErrorAtItsLineWhenStrict()
    {
        using var dir = new TempDir();
        var result = Load.Config(dir, "", strict: true, pluginsYaml: "repo_milestone:\n  '':\n    maintainers_team: leads\n    maintainer_team: typo\n");

        Load.SingleError(result, "plugins.yaml", 4, "maintainer_team");
    }

    [Fact]
    public void MilestoneApplier_MilestoneNotAString_IsAnErrorAtItsLine()
    {
        using var dir = new TempDir();
        var result = Load.Config(dir, "", pluginsYaml: "milestone_applier:\n  org/repo:\n    main: [v1.0]\n");

        Load.SingleError(result, "plugins.yaml", 3, "milestone_applier.org/repo.main");
    }

    [Fact]
    public void SigMention_RegexpThatDoesNotCompile_IsAnErrorAtItsLine()
    {
        using var dir = new TempDir();
        var result = Load.Config(dir, "", pluginsYaml: "sigmention:\n  regexp: '@org/sig-(['\n");

        Load.SingleError(result, "plugins.yaml", 2, "sigmention.regexp");
    }

    [Fact]
    public void SigMention_CustomRegexp_IsCompiled()
    {
        using var dir = new TempDir();
        var plugins = Load.Ok(dir, "", pluginsYaml: "sigmention:\n  regexp: '(?m)@example/sig-([\\w-]*)-(bugs|misc)'\n").Plugins;

        Assert.Equal("testing", plugins.SigMention.Re!.Match("cc @example/sig-testing-bugs").Groups[1].Value);
    }
}
