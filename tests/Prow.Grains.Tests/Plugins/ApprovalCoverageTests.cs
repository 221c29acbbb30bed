using Prow.Grains.Plugins.Approve;

namespace Prow.Grains.Tests.Plugins;

public sealed class ApprovalCoverageTests
{
    private static HashSet<string> By(params string[] logins) => new(logins, StringComparer.Ordinal);

    [Fact]
    public void EachChangedAreaNeedsAnApproverOfItsOwnOrAParentOwnersFile()
    {
        var coverage = new ApprovalCoverage(OwnersFixture.Repo(), ["pkg/a.go", "docs/guide.md"]);

        Assert.Equal(["docs", "pkg"], coverage.Directories);
        Assert.Equal(["docs", "pkg"], coverage.UnapprovedBy(By()));
        Assert.Equal(["docs"], coverage.UnapprovedBy(By("pkg-b")));
        Assert.False(coverage.AllApprovedBy(By("pkg-a")));
        Assert.True(coverage.AllApprovedBy(By("pkg-a", "doc-a")));
        Assert.True(coverage.AllApprovedBy(By("root-a")));
    }

    [Fact]
    public void ASubdirectoryUnderAnotherChangedArea_IsCoveredByTheUpperOne()
    {
        var coverage = new ApprovalCoverage(OwnersFixture.Repo(), ["pkg/a.go", "pkg/sub/b.go"]);

        Assert.Equal(["pkg"], coverage.Directories);
        Assert.False(coverage.AllApprovedBy(By("sub-a")));
        Assert.True(coverage.AllApprovedBy(By("pkg-a")));
    }

    [Fact]
    public void NoParentOwners_KeepsItsAreaSeparate_AndRootApproversCannotApproveIt()
    {
        var coverage = new ApprovalCoverage(OwnersFixture.Repo(), ["pkg/a.go", "pkg/secret/key.go"]);

        Assert.Equal(["pkg", "pkg/secret"], coverage.Directories);
        Assert.Equal(["pkg/secret"], coverage.UnapprovedBy(By("root-a")));
        Assert.True(coverage.AllApprovedBy(By("root-a", "sec-a")));
    }

    [Fact]
    public void AutoApprovedUnownedSubfolders_NeedNobody_ButAnEmptyChangeIsNeverApproved()
    {
        Assert.True(new ApprovalCoverage(OwnersFixture.Repo(), ["tools/gen/x.go"]).AllApprovedBy(By()));
        Assert.False(new ApprovalCoverage(OwnersFixture.Repo(), ["tools/x.go"]).AllApprovedBy(By()));
        Assert.False(new ApprovalCoverage(OwnersFixture.Repo(), []).AllApprovedBy(By("root-a")));
    }

    [Fact]
    public void ApproversIn_NamesWhoApprovedAnArea()
    {
        var coverage = new ApprovalCoverage(OwnersFixture.Repo(), ["pkg/a.go", "docs/guide.md"]);

        Assert.Equal(["pkg-b", "root-a"], coverage.ApproversIn("pkg", By("root-a", "pkg-b", "doc-a")));
    }

    [Fact]
    public void Suggest_CoversWhatIsLeft_PreferringUsefulAssignees_ThenClosestApprovers()
    {
        var coverage = new ApprovalCoverage(OwnersFixture.Repo(), ["pkg/a.go", "docs/guide.md"]);

        var (assigned, suggested) = coverage.Suggest(By(), [], seed: 0);
        Assert.Empty(assigned);
        Assert.Equal(2, suggested.Count);
        Assert.Contains("doc-a", suggested);
        Assert.Single(suggested, s => s is "pkg-a" or "pkg-b");

        (assigned, suggested) = coverage.Suggest(By("doc-a"), ["root-a", "carol"], seed: 0);
        Assert.Equal(["root-a"], assigned);
        Assert.Empty(suggested);

        Assert.Equal((0, 0), (coverage.Suggest(By("root-a"), [], 0).Assigned.Count, coverage.Suggest(By("root-a"), [], 0).Suggested.Count));
    }

    [Fact]
    public void Suggest_SpreadsTiesOverPullRequests()
    {
        var coverage = new ApprovalCoverage(OwnersFixture.Repo(), ["pkg/a.go"]);

        var picks = Enumerable.Range(0, 4).Select(seed => Assert.Single(coverage.Suggest(By(), [], seed).Suggested)).ToHashSet();

        Assert.Equal(["pkg-a", "pkg-b"], picks.Order());
    }
}
