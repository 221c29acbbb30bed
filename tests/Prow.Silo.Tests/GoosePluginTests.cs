using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Prow.Grains.Plugins.Goose;

namespace Prow.Silo.Tests;

/// <summary>The goose plugin's cases, in the manner of Prow's goose test: geese from a loopback unsplash.com with the key in goose.key_path, or the built-in ones.</summary>
public sealed class GoosePluginTests : IDisposable
{
    private const string Repo = PluginHarness.Repo;
    private const string ApiGoose = "https://images.unsplash.com/photo-goose?w=400";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string, string, bool> Cases => new()
    {
        // name, comment, the bot honks back
        { "/honk: a goose", "/honk", true },
        { "/HONK with trailing space: a goose", "/HONK  ", true },
        { "/honk among other lines: a goose", "look\n/honk\nthere", true },
        { "/honk mid-line: nothing", "say /honk", false },
        { "quoted /honk: nothing", "> /honk", false },
        { "/honks is another word: nothing", "/honks", false },
        { "/honk with arguments: nothing", "/honk loudly", false },
        { "no command: nothing", "geese are great", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Comment_WithAKey_RepliesWithAGooseFromUnsplash(string name, string body, bool honks)
    {
        Assert.NotEmpty(name);
        var clientIds = new List<string>();
        await using var api = await StartUnsplashAsync(clientIds, _ => new { id = "g1", urls = new { small = ApiGoose, full = "https://images.unsplash.com/full" } });
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddIssue(1, "a question", "bob");
        using var http = new HttpClient();

        await harness.RunAsync(Plugin(http, api), "issue_comment", Webhooks.IssueComment(Repo, 1, body, "carol"), await KeyYamlAsync("honk-key\n"));

        var comments = harness.GitHub.CommentsOn(Repo, 1);
        if (honks)
        {
            Assert.StartsWith($"@carol: \n![goose image]({ApiGoose})\n", Assert.Single(comments).Body, StringComparison.Ordinal);
            Assert.Equal(["honk-key"], clientIds);
        }
        else
        {
            Assert.Empty(comments);
            Assert.Empty(clientIds);
        }
    }

    [Fact]
    public async Task EditedComment_IsNotACommand()
    {
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddIssue(1, "a question", "bob");
        using var http = new HttpClient();

        await harness.RunAsync(new GoosePlugin(http, PublicApiFake.Down, new BuiltInGeese()), "issue_comment",
            Webhooks.IssueComment(Repo, 1, "/honk", "carol").Replace("\"created\"", "\"edited\"", StringComparison.Ordinal));

        Assert.Empty(harness.GitHub.CommentsOn(Repo, 1));
    }

    [Fact]
    public async Task NoKey_RepliesWithABuiltInGoose_WithoutAskingUnsplash()
    {
        var clientIds = new List<string>();
        await using var api = await StartUnsplashAsync(clientIds, _ => new { urls = new { small = ApiGoose } });
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "bob", "head1");
        using var http = new HttpClient();

        await harness.RunAsync(Plugin(http, api), "issue_comment", Webhooks.PullRequestComment(Repo, 1, "/honk", "carol"));

        Assert.Matches(@"^@carol: \n!\[goose image\]\(https://upload\.wikimedia\.org/\S+\.jpg\)\n", Assert.Single(harness.GitHub.CommentsOn(Repo, 1)).Body);
        Assert.Empty(clientIds);
    }

    [Fact]
    public async Task UnsplashAnswersWithoutAPicture_AskedThreeTimes_ThenABuiltInGoose()
    {
        var clientIds = new List<string>();
        await using var api = await StartUnsplashAsync(clientIds, _ => new { id = "g1", urls = new { small = "" } });
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddIssue(1, "a question", "bob");
        using var http = new HttpClient();

        await harness.RunAsync(Plugin(http, api), "issue_comment", Webhooks.IssueComment(Repo, 1, "/honk", "carol"), await KeyYamlAsync("k"));

        Assert.Contains("![goose image](https://upload.wikimedia.org/", Assert.Single(harness.GitHub.CommentsOn(Repo, 1)).Body, StringComparison.Ordinal);
        Assert.Equal(3, clientIds.Count);
    }

    [Fact]
    public async Task UnsplashDownOrKeyFileMissing_RepliesWithABuiltInGoose()
    {
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddIssue(1, "a question", "bob");
        harness.FakeRepo.AddIssue(2, "another", "bob");
        using var http = new HttpClient();
        var down = new GoosePlugin(http, PublicApiFake.Down, new BuiltInGeese());

        await harness.RunAsync(down, "issue_comment", Webhooks.IssueComment(Repo, 1, "/honk", "carol"), await KeyYamlAsync("k"));
        await harness.RunAsync(down, "issue_comment", Webhooks.IssueComment(Repo, 2, "/honk", "carol"), $"goose:\n  key_path: {Path.Combine(_folder.Path, "missing")}\n");

        Assert.Contains("![goose image](https://upload.wikimedia.org/", Assert.Single(harness.GitHub.CommentsOn(Repo, 1)).Body, StringComparison.Ordinal);
        Assert.Contains("![goose image](https://upload.wikimedia.org/", Assert.Single(harness.GitHub.CommentsOn(Repo, 2)).Body, StringComparison.Ordinal);
    }

    private static GoosePlugin Plugin(HttpClient http, WebApplication api) =>
        new(http, new Uri(PublicApiFake.BaseOf(api), "photos/random"), new BuiltInGeese());

    private async Task<string> KeyYamlAsync(string key)
    {
        var keyPath = Path.Combine(_folder.Path, "honk.txt");
        await File.WriteAllTextAsync(keyPath, key);
        return $"goose:\n  key_path: {keyPath}\n";
    }

    private static Task<WebApplication> StartUnsplashAsync(List<string> clientIds, Func<HttpRequest, object> answer) =>
        PublicApiFake.StartAsync(app => app.MapGet("/photos/random", (HttpRequest request) =>
        {
            lock (clientIds)
            {
                Assert.Equal("goose", request.Query["query"].ToString());
                clientIds.Add(request.Query["client_id"].ToString());
            }

            return Results.Json(answer(request));
        }));
}
