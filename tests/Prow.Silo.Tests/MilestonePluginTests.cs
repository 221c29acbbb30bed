using Prow.Config.Plugins;
using Prow.Grains.Plugins.Milestone;

namespace Prow.Silo.Tests;

/// <summary>The milestone plugin's cases, in the manner of Prow's milestone test, against the fake GitHub.</summary>
public sealed class MilestonePluginTests
{
    private const string Repo = PluginHarness.Repo;

    /// <summary>A team by slug for every repo, another for org/repo alone, and an older team named by id.</summary>
    private const string BySlug = "repo_milestone:\n  '':\n    maintainers_team: milestone-maintainers\n    maintainers_friendly_name: Release Team\n";
    private const string RepoOwnTeam = BySlug + "  org/repo:\n    maintainers_team: repo-maintainers\n";
    private const string ById = "repo_milestone:\n  '':\n    maintainers_id: 4242\n";

    private const string NotAuthorized = "You must be a member of the [org/milestone-maintainers](https://github.com/orgs/org/teams/milestone-maintainers/members) GitHub team to set the milestone. If you believe you should be able to issue the /milestone command, please contact your Release Team and have them propose you as an additional delegate for this responsibility.";

    public static TheoryData<string, string, string, string, string?, string?, string?> Cases => new()
    {
        // name, repo_milestone, commenter, comment, milestone before, milestone after, the bot's answer (after "@commenter: ")
        { "irrelevant comment: nothing", BySlug, "maintainer", "this belongs in v1.0", null, null, null },
        { "team member sets a milestone", BySlug, "maintainer", "/milestone v1.0", null, "v1.0", null },
        { "team member moves it to another", BySlug, "maintainer", "/milestone v1.1", "v1.0", "v1.1", null },
        { "team membership ignores case", BySlug, "MAINTAINER", "/milestone v1.1", null, "v1.1", null },
        { "trailing spaces are not part of the title", BySlug, "maintainer", "/milestone v1.0   ", null, "v1.0", null },
        { "team member clears it", BySlug, "maintainer", "/milestone clear", "v1.0", null, null },
        { "a closed milestone is not offered", BySlug, "maintainer", "/milestone v0.9", null, null, MilestonePlugin.InvalidMilestone(["v1.0", "v1.1"]) },
        { "unknown milestone lists the repo's milestones", BySlug, "maintainer", "/milestone v2.0", "v1.0", "v1.0", "The provided milestone is not valid for this repository. Milestones in this repository: [`v1.0`, `v1.1`]\n\nUse `/milestone clear` to clear the milestone." },
        { "someone outside the team is told which team", BySlug, "stranger", "/milestone v1.0", null, null, NotAuthorized },
        { "someone outside the team cannot clear either", BySlug, "stranger", "/milestone clear", "v1.0", "v1.0", NotAuthorized },
        { "the repo's own team wins over the default", RepoOwnTeam, "maintainer", "/milestone v1.0", null, null, "You must be a member of the [org/repo-maintainers]" },
        { "a member of the repo's own team", RepoOwnTeam, "carol", "/milestone v1.0", null, "v1.0", null },
        { "a team named by id", ById, "olduser", "/milestone v1.1", null, "v1.1", null },
        { "outside a team named by id: Prow names no slug, and the default contact", ById, "maintainer", "/milestone v1.1", null, null, $"You must be a member of the [org/](https://github.com/orgs/org/teams//members) GitHub team to set the milestone. If you believe you should be able to issue the /milestone command, please contact your {RepoMilestoneConfig.DefaultFriendlyName} and have them" },
        { "mid-line is not a command", BySlug, "maintainer", "please /milestone v1.0", null, null, null },
        { "the command is case-sensitive, as in Prow", BySlug, "maintainer", "/MILESTONE v1.0", null, null, null },
        { "only the first /milestone counts", BySlug, "maintainer", "/milestone v1.1\n/milestone v1.0", null, "v1.1", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Comment_SetsOrClearsTheMilestone_ForTheTeamOnly(string name, string config, string commenter, string body, string? before, string? after, string? answer)
    {
        Assert.NotEmpty(name);
        await using var harness = await StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "bob", "head1").Milestone = before;

        await harness.RunAsync(new MilestonePlugin(), "issue_comment", Webhooks.PullRequestComment(Repo, 1, body, commenter), config);

        Assert.Equal(after, harness.GitHub.Issue(Repo, 1).Milestone);
        var comments = harness.GitHub.CommentsOn(Repo, 1);
        if (answer is null)
        {
            Assert.Empty(comments);
        }
        else
        {
            Assert.StartsWith($"@{commenter}: {answer}", Assert.Single(comments).Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task MilestoneOnAnIssue_IsSetThroughTheIssuesApi()
    {
        await using var harness = await StartAsync();
        harness.FakeRepo.AddIssue(5, "a bug", "bob");

        await harness.RunAsync(new MilestonePlugin(), "issue_comment", Webhooks.IssueComment(Repo, 5, "/milestone v1.0", "maintainer"), BySlug);

        Assert.Equal("v1.0", harness.GitHub.Issue(Repo, 5).Milestone);
        var patch = Assert.Single(harness.GitHub.CallsTo("PATCH", "/repos/org/repo/issues/5"));
        Assert.Equal("{\"milestone\":1}", patch.Body);
        Assert.Single(harness.GitHub.CallsTo("GET", "/orgs/org/teams/milestone-maintainers/members"));
    }

    [Fact]
    public async Task Clear_SendsAnExplicitNull()
    {
        await using var harness = await StartAsync();
        harness.FakeRepo.AddIssue(5, "a bug", "bob").Milestone = "v1.0";

        await harness.RunAsync(new MilestonePlugin(), "issue_comment", Webhooks.IssueComment(Repo, 5, "/milestone clear", "maintainer"), BySlug);

        Assert.Equal("{\"milestone\":null}", Assert.Single(harness.GitHub.CallsTo("PATCH", "/repos/org/repo/issues/5")).Body);
    }

    [Fact]
    public async Task EditedComment_IsNotACommand()
    {
        await using var harness = await StartAsync();
        harness.FakeRepo.AddIssue(5, "a bug", "bob");

        await harness.RunAsync(new MilestonePlugin(), "issue_comment", Webhooks.IssueComment(Repo, 5, "/milestone v1.0", "maintainer").Replace("\"created\"", "\"edited\"", StringComparison.Ordinal), BySlug);

        Assert.Null(harness.GitHub.Issue(Repo, 5).Milestone);
        Assert.Empty(harness.GitHub.Calls);
    }

    /// <summary>The repo's milestones (one closed) and the teams the cases name.</summary>
    internal static async Task<PluginHarness> StartAsync()
    {
        var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.WithMilestone(1, "v1.0").WithMilestone(2, "v1.1").WithMilestone(3, "v0.9", "closed");
        var org = harness.GitHub.State.Org("org");
        org.Teams["milestone-maintainers"] = ["maintainer"];
        org.Teams["repo-maintainers"] = ["carol"];
        org.Teams["old-team"] = ["olduser"];
        org.TeamIds[4242] = "old-team";
        return harness;
    }
}
