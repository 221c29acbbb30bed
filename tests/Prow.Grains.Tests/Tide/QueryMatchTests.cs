using Prow.Config.Components;
using Prow.GrainInterfaces.Tide;
using Prow.Grains.Tide;

namespace Prow.Grains.Tests.Tide;

public sealed class QueryMatchTests
{
    [Theory]
    [InlineData("org/repo", true)]
    [InlineData("org/other", true)]
    [InlineData("org/excluded", false)]
    [InlineData("elsewhere/repo", false)]
    public void Covers_OrgsReposAndExclusions(string fullName, bool covered)
    {
        var query = new TideQuery { Orgs = ["org"], ExcludedRepos = ["org/excluded"] };
        var parts = fullName.Split('/');

        Assert.Equal(covered, QueryMatch.Covers(query, parts[0], parts[1]));
    }

    [Fact]
    public void AlternativeLabels_AnyOneWill()
    {
        var query = new TideQuery { Repos = ["org/repo"], Labels = ["lgtm,approved"] };

        Assert.True(QueryMatch.Evaluate(query, "main", "alice", ["approved"], null, null).Matches);
        Assert.Equal("Needs lgtm or approved label.", QueryMatch.Evaluate(query, "main", "alice", [], null, null).Describe());
    }

    [Fact]
    public void AuthorMilestoneAndBranch_AreExplained()
    {
        var query = new TideQuery { Repos = ["org/repo"], Author = "bot", Milestone = "v1", ExcludedBranches = ["release"] };

        var match = QueryMatch.Evaluate(query, "release", "alice", [], "v0", null);

        Assert.Equal(3, match.Distance);
        Assert.Equal("Must be by author bot. Merging to branch release is forbidden. Must be in milestone v1.", match.Describe());
    }

    [Fact]
    public void IncludedBranches_LimitTheQuery()
    {
        var query = new TideQuery { Repos = ["org/repo"], IncludedBranches = ["main"] };

        Assert.True(QueryMatch.Evaluate(query, "main", "alice", [], null, null).Matches);
        Assert.False(QueryMatch.Evaluate(query, "dev", "alice", [], null, null).Matches);
    }

    [Fact]
    public void MergeCommitTemplate_RendersThePullRequestAsProwsTideSeesIt()
    {
        var pull = new PoolPullRequest(7, "abc", "fix-it", "main", "Fix it", "Because.", "alice", [], null, false, true, true);
        var template = new MergeCommitTemplate(
            "{{ .Title }} (#{{.Number}})",
            "{{.Body}}{{if ne .AuthorLogin \"bot\"}} from {{.HeadRefName}} by {{.GitHub.Author.Login}}{{end}} into {{.NameWithOwner}}@{{.BaseRefName}} ({{.Mergeable}})");

        var (title, body) = MergeCommitMessage.Render(template, "org", "repo", pull);

        Assert.Equal("Fix it (#7)", title);
        Assert.Equal("Because. from fix-it by alice into org/repo@main (MERGEABLE)", body);
        Assert.Equal((null, null), MergeCommitMessage.Render(null, "org", "repo", pull));
    }

    [Fact]
    public void MergeCommitTemplate_APartThatFailsIsLeftToGitHubsDefault()
    {
        var pull = new PoolPullRequest(7, "abc", "fix-it", "main", "Fix it", "Because.", "alice", [], null, false, true, true);
        var errors = new List<string>();

        // Prow's tide executes on CodeReviewCommon, which has no Author field: Go fails, and tide leaves the title to GitHub.
        var (title, body) = MergeCommitMessage.Render(new MergeCommitTemplate("{{.Author.Login}}", "{{.Body}}"), "org", "repo", pull, errors.Add);

        Assert.Null(title);
        Assert.Equal("Because.", body);
        Assert.Contains("can't evaluate field Author", Assert.Single(errors), StringComparison.Ordinal);
    }
}
