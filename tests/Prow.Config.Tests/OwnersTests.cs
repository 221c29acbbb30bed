using Prow.Config.Owners;

namespace Prow.Config.Tests;

public sealed class OwnersTests
{
    private static RepoOwners Build(Dictionary<string, string> files)
    {
        var sink = new ProblemSink(strict: false);
        var owners = RepoOwners.Parse(files, sink);
        Assert.Empty(sink.Problems);
        return owners;
    }

    private static readonly Dictionary<string, string> s_repo = new()
    {
        ["OWNERS_ALIASES"] = "aliases:\n  Core-Team:\n  - Alice\n  - bob\n",
        ["OWNERS"] = "approvers: [core-team]\nreviewers: [carol]\nlabels: [sig/root]\nemeritus_approvers: [old]\n",
        ["pkg/OWNERS"] = "approvers: [Dave]\nreviewers: ['@Erin']\n",
        ["pkg/secret/OWNERS"] = "options:\n  no_parent_owners: true\napprovers: [frank]\n",
        ["docs/OWNERS"] = """
            filters:
              ".*":
                reviewers: [gina]
              "\\.md$":
                approvers: [hank]
                labels: [kind/documentation]
              "^api/":
                required_reviewers: [ivan]
            """,
    };

    [Fact]
    public void Approvers_WalkUpToRoot_ExpandingAliasesCaseInsensitively()
    {
        var o = Build(s_repo);

        Assert.Equal(["alice", "bob", "dave"], o.Approvers("pkg/util/x.go").Order());
        Assert.Equal(["carol", "erin"], o.Reviewers("pkg/x.go").Order());
        Assert.Equal(["dave"], o.LeafApprovers("pkg/util/x.go"));
        Assert.Equal("pkg", o.FindApproverOwnersForFile("pkg/util/x.go"));
        Assert.Equal("", o.FindApproverOwnersForFile("main.go"));
    }

    [Fact]
    public void NoParentOwners_StopsTheWalk()
    {
        var o = Build(s_repo);

        Assert.Equal(["frank"], o.Approvers("pkg/secret/key.go"));
        Assert.Empty(o.Reviewers("pkg/secret/key.go"));
        Assert.True(o.IsNoParentOwners("pkg/secret"));
    }

    [Fact]
    public void AutoApproveUnownedSubfolders_IsReadPerDirectory()
    {
        var o = Build(new() { ["OWNERS"] = "approvers: [a]\n", ["tools/OWNERS"] = "options:\n  auto_approve_unowned_subfolders: true\napprovers: [b]\n" });

        Assert.True(o.IsAutoApproveUnownedSubfolders("tools"));
        Assert.False(o.IsAutoApproveUnownedSubfolders(""));
        Assert.False(o.IsAutoApproveUnownedSubfolders("missing"));
    }

    [Fact]
    public void Filters_MatchPathRelativeToOwnersDirectory()
    {
        var o = Build(s_repo);

        Assert.Equal(["alice", "bob", "hank"], o.Approvers("docs/guide.md").Order());
        Assert.Equal(["alice", "bob"], o.Approvers("docs/guide.txt").Order());
        Assert.Equal("", o.FindApproverOwnersForFile("docs/guide.txt"));
        Assert.Equal("docs", o.FindApproverOwnersForFile("docs/guide.md"));
        Assert.Equal(["ivan"], o.RequiredReviewers("docs/api/v1.txt"));
        Assert.Empty(o.RequiredReviewers("docs/other/api/v1.txt"));
        Assert.Equal(["kind/documentation", "sig/root"], o.Labels("docs/a.md").Order());
    }

    [Fact]
    public void Corpus_KubernetesTestInfra_NoParentOwnersAndFilters()
    {
        var sink = new ProblemSink(strict: false);
        var o = RepoOwners.Load(Corpus.Path("owners/kubernetes_test-infra"), sink);
        Assert.DoesNotContain(sink.Problems, p => p.Severity == ProblemSeverity.Error);

        // trusted/ has no_parent_owners and a ".*" filter naming an alias.
        var trusted = o.Approvers("config/jobs/kubernetes/sig-k8s-infra/trusted/job.yaml");
        Assert.NotEmpty(trusted);
        Assert.DoesNotContain("bentheelder", trusted);
        Assert.Contains("bentheelder", o.Approvers("config/jobs/kubernetes/other.yaml"));

        // config/prow/OWNERS requires reviewers for config.yaml and plugins.yaml only.
        Assert.Contains("cblecker", o.RequiredReviewers("config/prow/config.yaml"));
        Assert.Empty(o.RequiredReviewers("config/prow/README.md"));
        Assert.Contains("sig/testing", o.Labels("label_sync/main.go"));
        Assert.Contains("area/label_sync", o.Labels("label_sync/main.go"));
    }

    [Fact]
    public void Corpus_Kubevirt_FilterOnlyRootOwners()
    {
        var sink = new ProblemSink(strict: false);
        var o = RepoOwners.Load(Corpus.Path("owners/kubevirt_project-infra"), sink);

        Assert.Contains("dhiller", o.Approvers("robots/cmd/main.go"));
        Assert.Equal("", o.FindApproverOwnersForFile("robots/cmd/main.go"));
        Assert.Contains("sig/buildsystem", o.Labels("github/ci/prow-deploy/files/jobs/kubevirt/kubevirt/WORKSPACE"));
    }

    [Fact]
    public void Parse_TopLevelPeopleNextToFilters_AreIgnoredWithWarning()
    {
        var sink = new ProblemSink(strict: false);
        var o = RepoOwners.Parse(new Dictionary<string, string> { ["OWNERS"] = "approvers: [zed]\nfilters:\n  \".*\":\n    approvers: [amy]\n" }, sink);

        Assert.Equal(["amy"], o.Approvers("x.go"));
        Assert.Equal("OWNERS", Assert.Single(sink.Problems).File);
    }

    [Fact]
    public void Parse_BadFilterRegex_ReportsLine()
    {
        var sink = new ProblemSink(strict: false);
        RepoOwners.Parse(new Dictionary<string, string> { ["a/OWNERS"] = "filters:\n  \"[bad\":\n    approvers: [x]\n" }, sink);

        var p = Assert.Single(sink.Problems);
        Assert.Equal("a/OWNERS:2: filters.[bad: " + p.Message, p.ToString());
    }
}
