using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Prow.Silo.Tests;

/// <summary>The slackevents plugin against a local HTTP server standing in for Slack's incoming webhook.</summary>
public sealed class SlackEventsPluginTests : IAsyncLifetime
{
    private const string Repo = PluginTestHost.Repo;

    private readonly List<(string Channel, string Text)> _posted = [];
    private WebApplication _slack = null!;
    private TempFolder _secrets = null!;
    private PluginTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _slack = await StartSlackAsync(_posted);
        _secrets = new TempFolder();
        var urlFile = Path.Combine(_secrets.Path, "slack-webhook-url");
        await File.WriteAllTextAsync(urlFile, _slack.Urls.First() + "/services/T000/B000/secret\n");
        _host = await PluginTestHost.StartAsync("", "slackevents", extraPluginsYaml: $"""
            slack:
              incoming_webhook_url_file: {urlFile}
              mentionchannels: [sig-testing]
              mergewarnings:
              - repos: [org/repo]
                channels: [alerts, release]
                exempt_users: [prow-bot]
                exempt_branches: {"{"}org/repo: [gh-pages]{"}"}
            """);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
        _secrets.Dispose();
    }

    [Fact]
    public async Task ManualPush_ByANonExemptUser_WarnsEveryConfiguredChannel()
    {
        await _host.SendAsync("push", WithCompare(Webhooks.Push(Repo, "main", "abc123", "src/a.go")));

        var posted = Posted();
        Assert.Equal(["#alerts", "#release"], posted.Select(p => p.Channel));
        Assert.All(posted, p => Assert.Equal("*Warning:* alice (<@alice>) manually merged 1 commit(s) into `main` of org/repo: https://github.com/org/repo/compare/1111...abc1", p.Text));
    }

    [Fact]
    public async Task PushByAnExemptUser_OrToAnExemptBranch_SaysNothing()
    {
        await _host.SendAsync("push", WebhookEdits.Edit(Webhooks.Push(Repo, "main", "abc123"), e => e["sender"]!["login"] = "prow-bot"));
        await _host.SendAsync("push", Webhooks.Push(Repo, "gh-pages", "def456"));

        Assert.Empty(Posted());
    }

    [Fact]
    public async Task CommentMentioningAConfiguredChannel_IsEchoedThere_OthersAreNot()
    {
        _host.FakeRepo.AddIssue(4, "flaky", "alice");

        await _host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 4, "This keeps failing, cc #sig-testing and #random", "bob"));

        var (channel, text) = Assert.Single(Posted());
        Assert.Equal("#sig-testing", channel);
        Assert.StartsWith("#sig-testing was mentioned by bob on GitHub", text, StringComparison.Ordinal);
        Assert.EndsWith(">>>This keeps failing, cc #sig-testing and #random", text, StringComparison.Ordinal);
    }

    private List<(string Channel, string Text)> Posted()
    {
        lock (_posted)
        {
            return [.. _posted];
        }
    }

    private static string WithCompare(string pushJson) =>
        WebhookEdits.Edit(pushJson, e => e["compare"] = "https://github.com/org/repo/compare/1111...abc1");

    private static async Task<WebApplication> StartSlackAsync(List<(string Channel, string Text)> posted)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/services/T000/B000/secret", async (HttpRequest request) =>
        {
            var message = await JsonDocument.ParseAsync(request.Body);
            lock (posted)
            {
                posted.Add((message.RootElement.GetProperty("channel").GetString()!, message.RootElement.GetProperty("text").GetString()!));
            }

            return Results.Ok("ok");
        });
        await app.StartAsync();
        return app;
    }
}
