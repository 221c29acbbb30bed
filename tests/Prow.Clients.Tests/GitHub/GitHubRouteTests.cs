using Prow.Clients.GitHub;

namespace Prow.Clients.Tests.GitHub;

public sealed class GitHubRouteTests
{
    [Fact]
    public void Create_LabelWithSlash_EscapesIt()
    {
        var route = GitHubRoute.Create("/repos/{owner}/{repo}/issues/{number}/labels/{name}", "org", "repo", 3, "do-not-merge/hold");

        Assert.Equal("/repos/org/repo/issues/3/labels/do-not-merge%2Fhold", route.PathAndQuery);
        Assert.Equal(("org", "repo"), (route.Owner, route.Repo));
    }

    [Fact]
    public void Create_FilePath_KeepsSlashesButEscapesSegments()
    {
        var route = GitHubRoute.Create("/repos/{owner}/{repo}/contents/{path}", "org", "repo", "docs/my file.md")
            .WithQuery(("ref", "release/1.0"), ("skip", null));

        Assert.Equal("/repos/org/repo/contents/docs/my%20file.md?ref=release%2F1.0", route.PathAndQuery);
        Assert.Equal("/repos/{owner}/{repo}/contents/{path}", route.Template);
    }

    [Fact]
    public void Create_OrgRoute_OwnerIsTheOrg()
    {
        var route = GitHubRoute.Create("/orgs/{org}/members/{username}", "kubernetes", "alice");

        Assert.Equal(("kubernetes", null), (route.Owner, route.Repo));
    }

    [Fact]
    public void Create_WrongNumberOfValues_Throws()
    {
        Assert.Throws<ArgumentException>(() => GitHubRoute.Create("/repos/{owner}/{repo}", "org", "repo", "extra"));
    }

    [Theory]
    [InlineData("<https://api.github.com/x?page=2>; rel=\"next\", <https://api.github.com/x?page=5>; rel=\"last\"", "https://api.github.com/x?page=2")]
    [InlineData("<https://api.github.com/x?page=1>; rel=\"prev\", <https://api.github.com/x?page=1>; rel=\"first\"", null)]
    [InlineData(null, null)]
    public void LinkHeader_Next_FindsOnlyTheNextRelation(string? header, string? expected)
    {
        Assert.Equal(expected, LinkHeader.Next(header)?.AbsoluteUri);
    }
}
