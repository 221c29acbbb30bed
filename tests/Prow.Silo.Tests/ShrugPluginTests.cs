using Prow.Grains.Plugins.Shrug;

namespace Prow.Silo.Tests;

/// <summary>The shrug plugin's cases, in the manner of Prow's shrug test, against the fake GitHub.</summary>
public sealed class ShrugPluginTests
{
    private const string Repo = PluginHarness.Repo;
    private const string Label = ShrugPlugin.Label;

    public static TheoryData<string, string, bool, string[], string[], bool> Cases => new()
    {
        // name, comment, on a pull request, labels before, labels after, the bot shrugs back
        { "irrelevant comment: nothing", "this is fine", false, [], [], false },
        { "/shrug on an issue: labelled", "/shrug", false, [], [Label], false },
        { "/shrug on a pull request: labelled", "/shrug", true, [], [Label], false },
        { "/shrug with trailing spaces and capitals: labelled", "/SHRUG  ", false, [], [Label], false },
        { "/shrug mid-line is not a command", "I would /shrug", false, [], [], false },
        { "quoted /shrug is not a command", "> /shrug", false, [], [], false },
        { "/shrug with arguments is not the command", "/shrug please", false, [], [], false },
        { "/shrug when already shrugged: nothing", "/shrug", false, [Label], [Label], false },
        { "/unshrug: unlabelled with a shrug back", "/unshrug", false, [Label], [], true },
        { "/unshrug when not shrugged: nothing", "/unshrug", false, [], [], false },
        { "/shrug and /unshrug together: /shrug wins", "/unshrug\n/shrug", false, [], [Label], false },
        { "other labels stay", "/unshrug", true, ["lgtm", Label], ["lgtm"], true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Comment_ShrugsAndUnshrugs(string name, string body, bool pullRequest, string[] before, string[] after, bool shrugsBack)
    {
        Assert.NotEmpty(name);
        await using var harness = await PluginHarness.StartAsync();
        if (pullRequest)
        {
            harness.FakeRepo.AddPullRequest(1, "change", "bob", "head1").Labels.AddRange(before);
        }
        else
        {
            harness.FakeRepo.AddIssue(1, "a question", "bob").Labels.AddRange(before);
        }

        await harness.RunAsync(new ShrugPlugin(), "issue_comment", pullRequest
            ? Webhooks.PullRequestComment(Repo, 1, body, "carol")
            : Webhooks.IssueComment(Repo, 1, body, "carol"));

        Assert.Equal(after, harness.GitHub.LabelsOn(Repo, 1));
        var comments = harness.GitHub.CommentsOn(Repo, 1);
        Assert.Equal(shrugsBack ? 1 : 0, comments.Count);
        Assert.All(comments, c => Assert.StartsWith(@"@carol: ¯\\\_(ツ)\_/¯", c.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EditedComment_IsNotACommand()
    {
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddIssue(1, "a question", "bob");

        await harness.RunAsync(new ShrugPlugin(), "issue_comment", Webhooks.IssueComment(Repo, 1, "/shrug", "carol").Replace("\"created\"", "\"edited\"", StringComparison.Ordinal));

        Assert.Empty(harness.GitHub.LabelsOn(Repo, 1));
    }
}
