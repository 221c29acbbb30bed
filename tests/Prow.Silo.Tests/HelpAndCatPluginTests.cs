using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Prow.Silo.Tests;

public sealed class HelpAndCatPluginTests
{
    [Fact]
    public async Task Help_OnAnIssue_AddsHelpWantedWithGuidelines_GoodFirstIssueAddsBoth_RemoveHelpRemovesBoth()
    {
        await using var host = await PluginTestHost.StartAsync("", "help");
        host.FakeRepo.AddIssue(20, "something to do", "alice");

        await host.SendAsync("issue_comment", Webhooks.IssueComment(PluginTestHost.Repo, 20, "/help", "bob"));
        Assert.Equal(["help wanted"], host.GitHub.LabelsOn(PluginTestHost.Repo, 20));
        Assert.Contains("guidelines", Assert.Single(host.GitHub.CommentsOn(PluginTestHost.Repo, 20)).Body, StringComparison.Ordinal);

        await host.SendAsync("issue_comment", Webhooks.IssueComment(PluginTestHost.Repo, 20, "/good-first-issue", "bob"));
        Assert.Equal(["good first issue", "help wanted"], host.GitHub.LabelsOn(PluginTestHost.Repo, 20).Order(StringComparer.Ordinal));

        await host.SendAsync("issue_comment", Webhooks.IssueComment(PluginTestHost.Repo, 20, "/remove-help", "bob"));
        Assert.Empty(host.GitHub.LabelsOn(PluginTestHost.Repo, 20));
    }

    [Fact]
    public async Task Help_OnAPullRequest_DoesNothing()
    {
        await using var host = await PluginTestHost.StartAsync("", "help");
        host.FakeRepo.AddPullRequest(21, "change", "alice", "s21");

        await host.SendAsync("issue_comment", Webhooks.PullRequestComment(PluginTestHost.Repo, 21, "/help", "bob"), pullRequest: 21);

        Assert.Empty(host.GitHub.Writes);
    }

    [Fact]
    public async Task Meow_WithoutApiKey_RepliesWithABuiltInCat_MeowvieWithAGif()
    {
        await using var host = await PluginTestHost.StartAsync("", "cat");
        host.FakeRepo.AddIssue(22, "cats", "alice");

        await host.SendAsync("issue_comment", Webhooks.IssueComment(PluginTestHost.Repo, 22, "/meow", "bob"));
        await host.SendAsync("issue_comment", Webhooks.IssueComment(PluginTestHost.Repo, 22, "/meowvie", "bob"));
        await host.SendAsync("issue_comment", Webhooks.IssueComment(PluginTestHost.Repo, 22, "I said /meow", "bob"));

        var comments = host.GitHub.CommentsOn(PluginTestHost.Repo, 22);
        Assert.Equal(2, comments.Count);
        Assert.Matches(@"^@bob: !\[a cat\]\(https://\S+\.(jpg|png)\)$", comments[0].Body);
        Assert.Matches(@"^@bob: !\[a cat moving\]\(https://\S+\.gif\)$", comments[1].Body);
    }

    [Fact]
    public async Task Meow_WithApiKey_AsksTheCatApiWithTheKey()
    {
        var keys = new List<string>();
        await using var catApi = await StartCatApiAsync(keys);
        using var folder = new TempFolder();
        var keyPath = Path.Combine(folder.Path, "cat-key");
        await File.WriteAllTextAsync(keyPath, "secret-cat-key\n");
        await using var host = await PluginTestHost.StartAsync("", "cat", new Uri(catApi.Urls.First() + "/v1/images/search"), $"cat:\n  key_path: {keyPath}\n");
        host.FakeRepo.AddIssue(23, "cats", "alice");

        await host.SendAsync("issue_comment", Webhooks.IssueComment(PluginTestHost.Repo, 23, "/meow", "bob"));

        Assert.Equal(["secret-cat-key"], keys);
        Assert.Equal("@bob: ![a cat](https://cats.example/from-the-api.jpg)", Assert.Single(host.GitHub.CommentsOn(PluginTestHost.Repo, 23)).Body);
    }

    [Fact]
    public async Task PluginHelp_ListsEveryEnabledPluginWithItsCommands_InProwsShape()
    {
        await using var host = await PluginTestHost.StartAsync("presubmits:\n  org/repo:\n  - name: unit\n    always_run: true\n    spec: {containers: [{image: alpine}]}\n", "trigger, help, cat");

        var json = JsonDocument.Parse(await host.Prow.Client.GetStringAsync("/plugin-help.js")).RootElement;
        var script = await host.Prow.Client.GetStringAsync("/plugin-help.js?var=allHelp");

        Assert.Equal(["org/repo"], json.GetProperty("AllRepos").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["trigger", "help", "cat"], json.GetProperty("RepoPlugins").GetProperty("org").EnumerateArray().Select(p => p.GetString()));
        var help = json.GetProperty("PluginHelp");
        Assert.Equal(["cat", "help", "trigger"], help.EnumerateObject().Select(p => p.Name));
        var usages = help.GetProperty("trigger").GetProperty("Commands").EnumerateArray().Select(c => c.GetProperty("Usage").GetString()).ToList();
        Assert.Contains("/retest", usages);
        Assert.Contains("/ok-to-test", usages);
        Assert.Equal("Anyone", help.GetProperty("cat").GetProperty("Commands")[0].GetProperty("WhoCanUse").GetString());
        Assert.False(string.IsNullOrEmpty(help.GetProperty("help").GetProperty("Description").GetString()));
        Assert.StartsWith("var allHelp = {", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PluginHelp_ListsTheOwnersPluginsWithTheirCommandsAndPerRepoConfig()
    {
        await using var host = await PluginTestHost.StartAsync("", "lgtm, approve, assign, blunderbuss", extraPluginsYaml: "lgtm:\n- repos: [org]\n  store_tree_hash: true\n");

        var help = JsonDocument.Parse(await host.Prow.Client.GetStringAsync("/plugin-help.js")).RootElement.GetProperty("PluginHelp");

        Assert.Equal(["approve", "assign", "blunderbuss", "lgtm"], help.EnumerateObject().Select(p => p.Name));
        string[] Usages(string plugin) => [.. help.GetProperty(plugin).GetProperty("Commands").EnumerateArray().Select(c => c.GetProperty("Usage").GetString()!)];
        Assert.Equal(["/[remove-]approve [no-issue|cancel]"], Usages("approve"));
        Assert.Equal(["/[un]assign [[@]<login>...]", "/[un]cc [[@]<login>...|[@]<org>/<team>...]"], Usages("assign"));
        Assert.Equal(["/auto-cc"], Usages("blunderbuss"));
        Assert.StartsWith("/[remove-]lgtm [cancel]", Usages("lgtm")[0], StringComparison.Ordinal);
        Assert.Contains("OWNERS", help.GetProperty("approve").GetProperty("Commands")[0].GetProperty("WhoCanUse").GetString(), StringComparison.Ordinal);
        Assert.Contains("keeps the label when the code (git tree) is unchanged", help.GetProperty("lgtm").GetProperty("Config").GetProperty("org").GetString(), StringComparison.Ordinal);
    }

    private static async Task<WebApplication> StartCatApiAsync(List<string> keys)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/v1/images/search", (HttpRequest request) =>
        {
            lock (keys)
            {
                keys.Add(request.Headers["x-api-key"].ToString());
            }

            return Results.Json(new[] { new { id = "abc", url = "https://cats.example/from-the-api.jpg" } });
        });
        await app.StartAsync();
        return app;
    }
}
