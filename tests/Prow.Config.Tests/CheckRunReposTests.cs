namespace Prow.Config.Tests;

/// <summary><c>github_reporter.check_run_repos</c>: which orgs and repositories get check runs; a malformed entry is an error at its line.</summary>
public sealed class CheckRunReposTests
{
    [Fact]
    public void OrgsAndRepos_AreRead()
    {
        using var dir = new TempDir();
        var reporter = Load.Ok(dir, "github_reporter:\n  check_run_repos:\n  - kubernetes\n  - org/repo\n").Prow.GitHubReporter;

        Assert.Equal(["kubernetes", "org/repo"], reporter.CheckRunRepos);
    }

    [Fact]
    public void Unset_IsEmpty()
    {
        using var dir = new TempDir();

        Assert.Empty(Load.Ok(dir, "github_reporter:\n  no_comment_repos: [org]\n").Prow.GitHubReporter.CheckRunRepos);
    }

    [Theory]
    [InlineData("a/b/c")]
    [InlineData("org/")]
    [InlineData("/repo")]
    public void MalformedEntry_IsAnErrorAtItsLine(string entry)
    {
        using var dir = new TempDir();
        var result = Load.Config(dir, $"plank: {{}}\ngithub_reporter:\n  check_run_repos: [\"{entry}\"]\n");

        var error = Load.SingleError(result, "config.yaml", 3, "github_reporter.check_run_repos");
        Assert.Contains($"\"{entry}\" is neither an org nor org/repo", error.Message, StringComparison.Ordinal);
    }
}
