using Prow.Grains.Plugins.MilestoneStatus;

namespace Prow.Silo.Tests;

/// <summary>The milestonestatus plugin's cases, in the manner of Prow's milestonestatus test, against the fake GitHub.</summary>
public sealed class MilestoneStatusPluginTests
{
    private const string Repo = PluginHarness.Repo;
    private const string Config = "repo_milestone:\n  '':\n    maintainers_team: milestone-maintainers\n    maintainers_friendly_name: Release Team\n";

    private const string NotAuthorized = "You must be a member of the [org/milestone-maintainers](https://github.com/orgs/org/teams/milestone-maintainers/members) GitHub team to add status labels. If you believe you should be able to issue the /status command, please contact your Release Team and have them propose you as an additional delegate for this responsibility.";

    public static TheoryData<string, string, string, string[], bool> Cases => new()
    {
        // name, commenter, comment, labels after, refused
        { "irrelevant comment: nothing", "maintainer", "status is fine", [], false },
        { "approved-for-milestone", "maintainer", "/status approved-for-milestone", ["status/approved-for-milestone"], false },
        { "in-progress", "maintainer", "/status in-progress", ["status/in-progress"], false },
        { "in-review with trailing spaces", "maintainer", "/status in-review  ", ["status/in-review"], false },
        { "several lines put on several labels", "maintainer", "/status in-progress\n/status in-review", ["status/in-progress", "status/in-review"], false },
        { "an unknown status: nothing", "maintainer", "/status done", [], false },
        { "someone outside the team is refused", "stranger", "/status in-review", [], true },
        { "someone outside the team is refused even for an unknown status", "stranger", "/status done", [], true },
        { "quoted is not a command", "maintainer", "> /status in-review", [], false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Comment_PutsStatusLabels_ForTheTeamOnly(string name, string commenter, string body, string[] after, bool refused)
    {
        Assert.NotEmpty(name);
        await using var harness = await MilestonePluginTests.StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "bob", "head1");

        await harness.RunAsync(new MilestoneStatusPlugin(), "issue_comment", Webhooks.PullRequestComment(Repo, 1, body, commenter), Config);

        Assert.Equal(after.Order(StringComparer.Ordinal), harness.GitHub.LabelsOn(Repo, 1).Order(StringComparer.Ordinal));
        var comments = harness.GitHub.CommentsOn(Repo, 1);
        if (refused)
        {
            // Prow answers this refusal plainly, without mentioning or quoting anyone.
            Assert.Equal(NotAuthorized, Assert.Single(comments).Body);
        }
        else
        {
            Assert.Empty(comments);
        }
    }

    [Fact]
    public async Task EditedComment_IsNotACommand()
    {
        await using var harness = await MilestonePluginTests.StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "bob", "head1");

        await harness.RunAsync(new MilestoneStatusPlugin(), "issue_comment", Webhooks.PullRequestComment(Repo, 1, "/status in-review", "maintainer").Replace("\"created\"", "\"edited\"", StringComparison.Ordinal), Config);

        Assert.Empty(harness.GitHub.LabelsOn(Repo, 1));
    }
}
