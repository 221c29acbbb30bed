using Prow.Config.Plugins;

namespace Prow.Config.Tests;

/// <summary>dco, invalid_commit_msg, blockades and require_matching_label: read from the corpora and validated as Prow does.</summary>
public sealed class MergeRulePluginsConfigTests
{
    [Fact]
    public void KubernetesCorpus_BlockadesAndRequireMatchingLabel_AreRead()
    {
        var result = ConfigLoader.Load(new ConfigPaths(null, null, Corpus.Path("kubernetes_test-infra", "plugins.yaml")), strict: true);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var plugins = result.Snapshot!.Plugins;

        Assert.False(plugins.Extra.ContainsKey("blockades"));
        var conformance = Assert.Single(plugins.Blockades, b => b.BranchRegexp is not null);
        Assert.Equal("^release-*", conformance.BranchRegexp);
        Assert.Equal(["kubernetes/kubernetes"], conformance.Repos);
        Assert.Equal([@"^test/conformance/testdata/conformance.yaml$"], conformance.BlockRegexps);
        var staging = plugins.Blockades[0];
        Assert.Contains("kubernetes/client-go", staging.Repos);
        Assert.Equal([".*"], staging.BlockRegexps);
        Assert.StartsWith("We do not accept changes directly", staging.Explanation, StringComparison.Ordinal);

        var needsKind = plugins.RequireMatchingLabel[0];
        Assert.Equal(("kubernetes", "kubernetes", "do-not-merge/needs-kind", "^kind/", true, false), (needsKind.Org, needsKind.Repo, needsKind.MissingLabel, needsKind.Regexp, needsKind.Prs, needsKind.Issues));
        Assert.Equal(RequireMatchingLabelConfig.DefaultGracePeriod, needsKind.GracePeriod);
        Assert.Contains(plugins.RequireMatchingLabel, r => r.MissingLabel == "needs-triage" && r.Issues && r.Prs && r.MissingComment.StartsWith("This issue is currently awaiting triage.", StringComparison.Ordinal));
    }

    [Fact]
    public void KymaCorpus_RequireMatchingLabel_WithBranchAndGracePeriod()
    {
        var result = ConfigLoader.Load(new ConfigPaths(null, null, Corpus.Path("kyma-project_test-infra", "plugins.yaml")));
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));

        var kind = result.Snapshot!.Plugins.RequireMatchingLabel[0];
        Assert.Equal(("kyma-project", "", "main", "needs-kind", TimeSpan.FromSeconds(5)), (kind.Org, kind.Repo, kind.Branch, kind.MissingLabel, kind.GracePeriod));
        Assert.StartsWith("There is no `kind/` label present.", kind.MissingComment, StringComparison.Ordinal);
    }

    [Fact]
    public void DocumentedReference_DcoAndInvalidCommitMsgFields_AreRead()
    {
        // The reference as a whole is refused (its placeholders are no valid values); these two sections are valid alone.
        var reference = File.ReadAllLines(Corpus.Path("kubernetes-sigs_prow", "reference", "plugin-config-documented.yaml"));
        using var dir = new TempDir();
        var plugins = Load.Ok(dir, "", pluginsYaml: Section(reference, "dco:") + Section(reference, "invalid_commit_msg:")).Plugins;

        var dco = plugins.Dco[""];
        Assert.True(dco.SkipDcoCheckForMembers);
        Assert.True(dco.SkipDcoCheckForCollaborators);
        Assert.Equal([""], dco.TrustedApps);
        Assert.Equal((" ", " ", " ", " "), (dco.TrustedOrg, dco.ContributingRepo, dco.ContributingBranch, dco.ContributingPath));
        var check = Assert.Single(Assert.Single(plugins.InvalidCommitMsg).Checks);
        Assert.Equal(new InvalidCommitMsgCheck(" ", true), check);
    }

    [Fact]
    public void DocumentedReference_RequireMatchingLabelPlaceholders_AreRefusedAsProwRefusesThem()
    {
        var result = ConfigLoader.Load(new ConfigPaths(null, null, Corpus.Path("kubernetes-sigs_prow", "reference", "plugin-config-documented.yaml")));

        Assert.Contains(result.Errors, p => p.Field == "require_matching_label[0].grace_period");
        Assert.Contains(result.Errors, p => p.Field == "require_matching_label[0].regexp" && p.Message == "'regexp' must not match 'missing_label'");
    }

    [Fact]
    public void Dco_RepoThenOrgThenStar_AndTheContributingUrl()
    {
        using var dir = new TempDir();
        var plugins = Load.Ok(dir, "", pluginsYaml: """
            dco:
              "*":
                skip_dco_check_for_members: true
              org:
                trusted_apps: [renovate]
                trusted_org: friends
              org/repo:
                skip_dco_check_for_collaborators: true
                contributing_repo: org/community
                contributing_branch: main
                contributing_path: docs/CONTRIBUTING.md
            """).Plugins;

        Assert.True(plugins.DcoFor("org", "repo").SkipDcoCheckForCollaborators);
        Assert.Equal("https://github.com/org/community/blob/main/docs/CONTRIBUTING.md", plugins.DcoFor("org", "repo").ContributingUrl("org", "repo"));
        Assert.Equal(["renovate"], plugins.DcoFor("org", "other").TrustedApps);
        Assert.Equal("https://github.com/org/other/blob/master/CONTRIBUTING.md", plugins.DcoFor("org", "other").ContributingUrl("org", "other"));
        Assert.True(plugins.DcoFor("elsewhere", "x").SkipDcoCheckForMembers);
    }

    [Fact]
    public void InvalidCommitMsg_RepoEntryBeforeOrgEntry_DisablesNamedChecks()
    {
        using var dir = new TempDir();
        var plugins = Load.Ok(dir, "", pluginsYaml: """
            invalid_commit_msg:
            - repos: [org]
              checks:
              - name: issueClosingKeywords
                disabled: true
            - repos: [org/repo]
              checks:
              - name: fixupPrefix
                disabled: true
            """).Plugins;

        Assert.True(plugins.InvalidCommitMsgFor("org", "repo").IsCheckDisabled(InvalidCommitMsgConfig.FixupPrefix));
        Assert.False(plugins.InvalidCommitMsgFor("org", "repo").IsCheckDisabled(InvalidCommitMsgConfig.IssueClosingKeywords));
        Assert.True(plugins.InvalidCommitMsgFor("org", "other").IsCheckDisabled(InvalidCommitMsgConfig.IssueClosingKeywords));
        Assert.False(plugins.InvalidCommitMsgFor("nobody", "x").IsCheckDisabled(InvalidCommitMsgConfig.FixupPrefix));
    }

    public static TheoryData<string, string, int, string> InvalidEntries => new()
    {
        // name, entry, line of the error, field
        { "no org", "- repo: r\n  prs: true\n  regexp: ^kind/\n  missing_label: needs-kind\n", 2, "require_matching_label[0].org" },
        { "repo written as org/repo", "- org: o\n  repo: o/r\n  prs: true\n  regexp: ^kind/\n  missing_label: needs-kind\n", 3, "require_matching_label[0].repo" },
        { "neither prs nor issues", "- org: o\n  regexp: ^kind/\n  missing_label: needs-kind\n", 2, "require_matching_label[0].prs" },
        { "branch on issues only", "- org: o\n  issues: true\n  branch: main\n  regexp: ^kind/\n  missing_label: needs-kind\n", 4, "require_matching_label[0].branch" },
        { "regexp matching its own missing label", "- org: o\n  prs: true\n  regexp: kind\n  missing_label: needs-kind\n", 4, "require_matching_label[0].regexp" },
        { "regexp that does not compile", "- org: o\n  prs: true\n  regexp: \"kind/(\"\n  missing_label: needs-kind\n", 4, "require_matching_label[0].regexp" },
        { "grace period that is no duration", "- org: o\n  prs: true\n  regexp: ^kind/\n  missing_label: needs-kind\n  grace_period: soon\n", 6, "require_matching_label[0].grace_period" },
    };

    [Theory]
    [MemberData(nameof(InvalidEntries))]
    public void RequireMatchingLabel_InvalidEntry_IsAnErrorNamingFileLineAndField(string name, string entry, int line, string field)
    {
        Assert.NotEmpty(name);
        using var dir = new TempDir();

        var result = Load.Config(dir, "", pluginsYaml: "require_matching_label:\n" + entry);

        Assert.Equal(field, Load.SingleError(result, "plugins.yaml", line, field).Field);
    }

    [Fact]
    public void Blockade_BranchRegexpThatDoesNotCompile_IsAnError_ABlockRegexpOnlyAWarning()
    {
        using var dir = new TempDir();

        var result = Load.Config(dir, "", pluginsYaml: """
            blockades:
            - repos: [org/repo]
              branchregexp: "release-("
              blockregexps: ["docs/(", "^vendor/"]
            """);

        Load.SingleError(result, "plugins.yaml", 3, "blockades[0].branchregexp");
        var warning = Assert.Single(result.Warnings);
        Assert.Equal((4, "blockades[0].blockregexps"), (warning.Line, warning.Field));
        Assert.Contains("docs/(", warning.Message, StringComparison.Ordinal);
    }

    private static string Section(string[] lines, string key)
    {
        var start = Array.IndexOf(lines, key);
        var end = Array.FindIndex(lines, start + 1, l => l.Length > 0 && !char.IsWhiteSpace(l[0]));
        return string.Join('\n', lines[start..end]) + "\n";
    }
}
