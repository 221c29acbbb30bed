using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Prow.Grains.Plugins.Pony;

namespace Prow.Silo.Tests;

/// <summary>The pony plugin's cases, in the manner of Prow's pony test, against a loopback theponyapi.com that knows one named pony.</summary>
public sealed class PonyPluginTests
{
    private const string Repo = PluginHarness.Repo;
    private const string Any = "[![pony image](https://ponies.example/any-small.png)](https://ponies.example/any-full.png)";
    private const string Twilight = "[![pony image](https://ponies.example/twilight-small.png)](https://ponies.example/twilight-full.png)";

    public static TheoryData<string, string, string?> Cases => new()
    {
        // name, comment, the reply after the mention (null: no reply)
        { "/pony: a random pony", "/pony", Any + "\n" },
        { "/pony with a name: that pony", "/pony Twilight Sparkle", Twilight + "\n" },
        { "/PONY with a trailing space: a pony", "/PONY ", Any + "\n" },
        { "two /pony lines: two ponies", "/pony\n/pony Twilight Sparkle", Any + "\n" + Twilight + "\n" },
        { "six /pony lines: five ponies", string.Join('\n', Enumerable.Repeat("/pony", 6)), string.Concat(Enumerable.Repeat(Any + "\n", 5)) },
        { "an unknown pony: said so", "/pony Nobody", PonyPlugin.NoMatch },
        { "a known and an unknown pony: the known one", "/pony Nobody\n/pony Twilight Sparkle", Twilight + "\n" },
        { "/pony mid-line: nothing", "my /pony", null },
        { "quoted /pony: nothing", "> /pony", null },
        { "/ponies: nothing", "/ponies", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Comment_RepliesWithPonies(string name, string body, string? reply)
    {
        Assert.NotEmpty(name);
        await using var api = await StartPonyApiAsync();
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddIssue(1, "a question", "bob");
        using var http = new HttpClient();

        await harness.RunAsync(new PonyPlugin(new PonyApi(http, new Uri(PublicApiFake.BaseOf(api), "api/v1/pony/random"), new BuiltInPonies())), "issue_comment", Webhooks.IssueComment(Repo, 1, body, "carol"));

        var comments = harness.GitHub.CommentsOn(Repo, 1);
        if (reply is null)
        {
            Assert.Empty(comments);
        }
        else
        {
            Assert.StartsWith($"@carol: {reply}\n", Assert.Single(comments).Body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/pony", true)]
    [InlineData("/pony Twilight Sparkle", false)]
    public async Task ApiDown_UntaggedGetsABuiltInPony_TaggedIsToldNoneMatched(string body, bool builtIn)
    {
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddIssue(1, "a question", "bob");
        using var http = new HttpClient();

        await harness.RunAsync(new PonyPlugin(new PonyApi(http, PublicApiFake.Down, new BuiltInPonies())), "issue_comment", Webhooks.IssueComment(Repo, 1, body, "carol"));

        var comment = Assert.Single(harness.GitHub.CommentsOn(Repo, 1)).Body;
        Assert.StartsWith(builtIn ? "@carol: [![pony image](https://upload.wikimedia.org/" : "@carol: " + PonyPlugin.NoMatch, comment, StringComparison.Ordinal);
    }

    private static Task<WebApplication> StartPonyApiAsync() => PublicApiFake.StartAsync(app => app.MapGet("/api/v1/pony/random", (string? q) =>
        q switch
        {
            null or "" => Results.Json(new { pony = new { representations = new { full = "https://ponies.example/any-full.png", small = "https://ponies.example/any-small.png" } } }),
            "Twilight Sparkle" => Results.Json(new { pony = new { representations = new { full = "https://ponies.example/twilight-full.png", small = "https://ponies.example/twilight-small.png" } } }),
            _ => Results.NotFound(new { error = "no pony" }),
        }));
}
