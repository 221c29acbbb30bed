using System.Text.Json;
using Prow.FakeGitHub;
using Prow.Grains.Plugins.Heart;

namespace Prow.Silo.Tests;

/// <summary>The fun plugins wired through the host: webhooks in, the goose's comment and heart's reactions on the fake GitHub.</summary>
public sealed class FunPluginsEndToEndTests
{
    private const string Repo = PluginTestHost.Repo;

    [Fact]
    public async Task Honk_GetsAGoose_AdoreesCommentAndAnOwnersPullRequest_GetReactions_HelpListsBoth()
    {
        await using var host = await PluginTestHost.StartAsync("", "goose, heart", extraPluginsYaml: "heart:\n  adorees: [mirandachrist]\n  commentregexp: \".*\"\n");
        host.FakeRepo.AddIssue(30, "geese", "alice");
        host.GitHub.Change(Repo, r =>
        {
            r.AddPullRequest(31, "add a reviewer", "bob", "head31").Files.Add(new FakeChangedFile("sig/OWNERS", 2));
            r.Comments.Add(new FakeComment(31 * 100 + 1, 31, "mirandachrist", "nice", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));
        });

        await host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 30, "/honk", "bob"));
        await host.SendAsync("pull_request", Webhooks.PullRequest("opened", Repo, 31, "bob", "head31"), pullRequest: 31);
        await host.SendAsync("issue_comment", Webhooks.PullRequestComment(Repo, 31, "nice", "mirandachrist", prAuthor: "bob"), pullRequest: 31);

        Assert.Matches(@"^@bob: \n!\[goose image\]\(https://\S+\)", Assert.Single(host.GitHub.CommentsOn(Repo, 30)).Body);
        Assert.Contains(Assert.Single(host.GitHub.ReactionsOn(Repo, 31)).Content, HeartPlugin.Celebrations);
        Assert.Contains(Assert.Single(host.GitHub.ReactionsOnComment(Repo, 3101)).Content, HeartPlugin.Celebrations);

        var help = JsonDocument.Parse(await host.Prow.Client.GetStringAsync("/plugin-help.js")).RootElement.GetProperty("PluginHelp");
        Assert.Equal("/honk", help.GetProperty("goose").GetProperty("Commands")[0].GetProperty("Usage").GetString());
        Assert.Contains("mirandachrist", help.GetProperty("heart").GetProperty("Config").GetProperty("").GetString(), StringComparison.Ordinal);
    }
}
