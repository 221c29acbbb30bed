using Prow.Grains.Plugins.TrickOrTreat;

namespace Prow.Silo.Tests;

/// <summary>The trick-or-treat plugin's cases, in the manner of Prow's trick-or-treat test, against the fake GitHub.</summary>
public sealed class TrickOrTreatPluginTests
{
    private const string Repo = PluginHarness.Repo;

    public static TheoryData<string, string, bool> Cases => new()
    {
        // name, comment, the bot hands out candy
        { "/trick-or-treat: candy", "/trick-or-treat", true },
        { "/trickortreat: candy", "/trickortreat", true },
        { "/trick-ortreat: candy", "/trick-ortreat", true },
        { "/TRICKOR-TREAT with trailing space: candy", "/TRICKOR-TREAT ", true },
        { "/trick-or-treat with words after: candy", "/trick-or-treat please", true },
        { "mid-line: nothing", "I say /trick-or-treat", false },
        { "quoted: nothing", "> /trick-or-treat", false },
        { "/trick alone: nothing", "/trick", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Comment_RepliesWithCandy(string name, string body, bool candy)
    {
        Assert.NotEmpty(name);
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddIssue(1, "a question", "bob");

        await harness.RunAsync(new TrickOrTreatPlugin(count => count - 1), "issue_comment", Webhooks.IssueComment(Repo, 1, body, "carol"));

        var comments = harness.GitHub.CommentsOn(Repo, 1);
        Assert.Equal(candy ? 1 : 0, comments.Count);
        Assert.All(comments, c => Assert.StartsWith($"@carol: ![candy image]({TrickOrTreatPlugin.Candies[^1]})\n", c.Body, StringComparison.Ordinal));
    }
}
