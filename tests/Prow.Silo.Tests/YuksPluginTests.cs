using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Prow.Grains.Plugins.Yuks;

namespace Prow.Silo.Tests;

/// <summary>The yuks plugin's cases, in the manner of Prow's yuks test: jokes from a loopback icanhazdadjoke.com, or the built-in ones when it is down.</summary>
public sealed class YuksPluginTests
{
    private const string Repo = PluginHarness.Repo;

    public static TheoryData<string, string, string?> Cases => new()
    {
        // name, comment, the joke in the reply (null: no reply)
        { "/joke: a joke", "/joke", "What do you call a fish with no eyes? A fsh." },
        { "/joke in capitals with trailing space: a joke", "/JOKE ", "What do you call a fish with no eyes? A fsh." },
        { "/joke among other lines: a joke", "hello\n/joke\nbye", "What do you call a fish with no eyes? A fsh." },
        { "no command: nothing", "that was funny", null },
        { "/joke mid-line: nothing", "tell me a /joke", null },
        { "quoted /joke: nothing", "> /joke", null },
        { "/jokes is another word: nothing", "/jokes", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Comment_RepliesWithAJokeFromTheApi(string name, string body, string? joke)
    {
        Assert.NotEmpty(name);
        var accepts = new List<string>();
        await using var api = await PublicApiFake.StartAsync(app => app.MapGet("/", (HttpRequest request) =>
        {
            lock (accepts)
            {
                accepts.Add(request.Headers.Accept.ToString());
            }

            return Results.Json(new { id = "x", joke = "What do you call a fish with no eyes? A fsh.", status = 200 });
        }));
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddIssue(1, "a question", "bob");
        using var http = new HttpClient();

        await harness.RunAsync(new YuksPlugin(new DadJokeApi(http, PublicApiFake.BaseOf(api), new BuiltInJokes())), "issue_comment", Webhooks.IssueComment(Repo, 1, body, "carol"));

        var comments = harness.GitHub.CommentsOn(Repo, 1);
        if (joke is null)
        {
            Assert.Empty(comments);
            Assert.Empty(accepts);
        }
        else
        {
            Assert.StartsWith($"@carol: {joke}\n", Assert.Single(comments).Body, StringComparison.Ordinal);
            Assert.Equal(["application/json"], accepts);
        }
    }

    [Fact]
    public async Task ApiDown_RepliesWithABuiltInJoke()
    {
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddIssue(1, "a question", "bob");
        using var http = new HttpClient();

        await harness.RunAsync(new YuksPlugin(new DadJokeApi(http, PublicApiFake.Down, new BuiltInJokes())), "issue_comment", Webhooks.IssueComment(Repo, 1, "/joke", "carol"));

        var reply = Assert.Single(harness.GitHub.CommentsOn(Repo, 1)).Body;
        Assert.Contains(BuiltInJokes.Jokes, joke => reply.StartsWith($"@carol: {YuksPlugin.Escape(joke)}\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApiAnswersWithoutAJoke_RepliesWithABuiltInJoke()
    {
        await using var api = await PublicApiFake.StartAsync(app => app.MapGet("/", () => Results.Json(new { status = 200 })));
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddIssue(1, "a question", "bob");
        using var http = new HttpClient();

        await harness.RunAsync(new YuksPlugin(new DadJokeApi(http, PublicApiFake.BaseOf(api), new BuiltInJokes())), "issue_comment", Webhooks.IssueComment(Repo, 1, "/joke", "carol"));

        var reply = Assert.Single(harness.GitHub.CommentsOn(Repo, 1)).Body;
        Assert.Contains(BuiltInJokes.Jokes, joke => reply.StartsWith($"@carol: {YuksPlugin.Escape(joke)}\n", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Why? Because!", "Why? Because!")]
    [InlineData("a *bold* @mention", "a &#42;bold&#42; &#64;mention")]
    [InlineData("don't, can't.", "don't, can't.")]
    [InlineData("<script>", "&#60;script&#62;")]
    [InlineData("café 😀", "caf&#233; &#128512;")]
    public void Escape_KeepsPlainTextAndEscapesEverythingElse(string joke, string escaped) =>
        Assert.Equal(escaped, YuksPlugin.Escape(joke));
}
