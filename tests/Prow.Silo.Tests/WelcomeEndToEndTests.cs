namespace Prow.Silo.Tests;

/// <summary>The welcome plugin wired through the host: a newcomer's first pull request is welcomed with kubernetes' template, the second is not.</summary>
public sealed class WelcomeEndToEndTests
{
    private const string Repo = PluginTestHost.Repo;

    [Fact]
    public async Task FirstPullRequest_IsWelcomedWithTheTemplate_TheSecondIsNot()
    {
        const string Welcome = "welcome:\n- repos: [org]\n  message_template: \"Welcome @{{.AuthorLogin}}! <br><br>It looks like this is your first PR to <a href='https://github.com/{{.Org}}/{{.Repo}}'>{{.Org}}/{{.Repo}}</a> 🎉.\"\n";
        await using var host = await PluginTestHost.StartAsync("", "welcome", extraPluginsYaml: Welcome);
        host.GitHub.Change(Repo, r => r.AddPullRequest(40, "first", "newcomer", "head40"));

        await host.SendAsync("pull_request", WelcomePluginTests.Opened("opened", 40, "newcomer", "User", null), pullRequest: 40);
        host.GitHub.Change(Repo, r => r.AddPullRequest(41, "second", "newcomer", "head41"));
        await host.SendAsync("pull_request", WelcomePluginTests.Opened("opened", 41, "newcomer", "User", null), pullRequest: 41);

        Assert.Equal(
            "Welcome @newcomer! <br><br>It looks like this is your first PR to <a href='https://github.com/org/repo'>org/repo</a> 🎉.",
            Assert.Single(host.GitHub.CommentsOn(Repo, 40)).Body);
        Assert.Empty(host.GitHub.CommentsOn(Repo, 41));
    }
}
