using Prow.Grains.OwnersFiles;
using Prow.Grains.Plugins.Blunderbuss;

namespace Prow.Grains.Tests.Plugins;

public sealed class ReviewerSelectionTests
{
    [Fact]
    public void OneReviewerPerChangedArea_ThenMoreUpToTheCount_NeverTheAuthor()
    {
        var (reviewers, required) = ReviewerSelection.Pick(OwnersFixture.Repo(), [("docs/a.md", 3), ("pkg/a.go", 50)], "pkg-r1", count: 2, excludeApprovers: false, seed: 0);

        Assert.Equal(2, reviewers.Count);
        Assert.Contains("doc-r", reviewers);
        Assert.Single(reviewers, r => r is "pkg-r2" or "pkg-a");
        Assert.DoesNotContain("pkg-r1", reviewers);
        Assert.Equal(["security"], required);
    }

    [Fact]
    public void ExcludeApprovers_LeavesOutApproversOfTheFile()
    {
        var picks = Enumerable.Range(0, 6)
            .SelectMany(seed => ReviewerSelection.Pick(OwnersFixture.Repo(), [("pkg/a.go", 1)], "x", count: 2, excludeApprovers: true, seed).Reviewers)
            .ToHashSet();

        Assert.Equal(["pkg-r1", "pkg-r2"], picks.Order());
    }

    [Fact]
    public void TooFewLeafReviewers_AreTopedUpFromParentOwners()
    {
        var (reviewers, _) = ReviewerSelection.Pick(OwnersFixture.Repo(), [("docs/a.md", 1)], "x", count: 2, excludeApprovers: false, seed: 0);

        Assert.Equal(["doc-r", "root-r"], reviewers);
    }

    [Fact]
    public void RelevantOwnersPaths_AreTheAliasesAndEveryEnclosingDirectory()
    {
        Assert.Equal(["OWNERS_ALIASES", "OWNERS", "a/OWNERS", "a/b/OWNERS", "c/OWNERS"], RepoOwnersLoader.RelevantPaths(["a/b/x.go", "a/y.go", "c/z", "top.md"]));
    }
}
