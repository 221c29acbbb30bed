using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Prow.Grains.Plugins.Dog;

namespace Prow.Silo.Tests;

/// <summary>The dog plugin's cases, in the manner of Prow's dog test: dogs from a loopback random.dog, or the built-in ones when it is down.</summary>
public sealed class DogPluginTests
{
    private const string Repo = PluginHarness.Repo;
    private const string ApiDog = "https://random.dog/good-boy.jpg";

    public static TheoryData<string, string, string?> Cases => new()
    {
        // name, comment, the picture in the reply (null: no reply)
        { "/woof: a dog from the API", "/woof", ApiDog },
        { "/bark: a dog from the API", "/bark", ApiDog },
        { "/WOOF with trailing space: a dog", "/WOOF  ", ApiDog },
        { "/this-is-fine: the fine picture", "/this-is-fine", DogPlugin.FineImagesRoot + "this_is_fine.png" },
        { "/this-is-not-fine: the not-fine picture", "/this-is-not-fine", DogPlugin.FineImagesRoot + "this_is_not_fine.png" },
        { "/this-is-unbearable: the unbearable picture", "/this-is-unbearable", DogPlugin.FineImagesRoot + "this_is_unbearable.jpg" },
        { "/woof mid-line: nothing", "say /woof", null },
        { "quoted /woof: nothing", "> /woof", null },
        { "/woofer: nothing", "/woofer", null },
        { "no command: nothing", "good dog", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Comment_RepliesWithADog(string name, string body, string? picture)
    {
        Assert.NotEmpty(name);
        await using var api = await PublicApiFake.StartAsync(app => app.MapGet("/woof.json", () => Results.Json(new { fileSizeBytes = 1000, url = ApiDog })));
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddIssue(1, "a question", "bob");
        using var http = new HttpClient();

        await harness.RunAsync(new DogPlugin(new RandomDogApi(http, new Uri(PublicApiFake.BaseOf(api), "woof.json"), new BuiltInDogImages())), "issue_comment", Webhooks.IssueComment(Repo, 1, body, "carol"));

        var comments = harness.GitHub.CommentsOn(Repo, 1);
        if (picture is null)
        {
            Assert.Empty(comments);
        }
        else
        {
            Assert.StartsWith($"@carol: [![dog image]({picture})]({picture})\n", Assert.Single(comments).Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ApiServesVideosFirst_SkipsThemForAPicture()
    {
        var answers = new Queue<string>(["https://random.dog/zoomies.mp4", "https://random.dog/zoomies.webm", ApiDog]);
        await using var api = await PublicApiFake.StartAsync(app => app.MapGet("/woof.json", () =>
        {
            lock (answers)
            {
                return Results.Json(new { url = answers.Dequeue() });
            }
        }));
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddIssue(1, "a question", "bob");
        using var http = new HttpClient();

        await harness.RunAsync(new DogPlugin(new RandomDogApi(http, new Uri(PublicApiFake.BaseOf(api), "woof.json"), new BuiltInDogImages())), "issue_comment", Webhooks.IssueComment(Repo, 1, "/woof", "carol"));

        Assert.StartsWith($"@carol: [![dog image]({ApiDog})]", Assert.Single(harness.GitHub.CommentsOn(Repo, 1)).Body, StringComparison.Ordinal);
        Assert.Empty(answers);
    }

    [Fact]
    public async Task ApiDown_RepliesWithABuiltInDog()
    {
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddIssue(1, "a question", "bob");
        using var http = new HttpClient();

        await harness.RunAsync(new DogPlugin(new RandomDogApi(http, PublicApiFake.Down, new BuiltInDogImages())), "issue_comment", Webhooks.IssueComment(Repo, 1, "/woof", "carol"));

        Assert.Matches(@"^@carol: \[!\[dog image\]\((https://upload\.wikimedia\.org/\S+\.jpg)\)\]\(\1\)\n", Assert.Single(harness.GitHub.CommentsOn(Repo, 1)).Body);
    }
}
