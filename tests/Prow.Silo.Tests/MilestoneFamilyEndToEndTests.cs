using System.Text.Json;

namespace Prow.Silo.Tests;

/// <summary>milestone, milestonestatus and milestoneapplier through the host: webhooks in, GitHub changed, help served.</summary>
public sealed class MilestoneFamilyEndToEndTests
{
    private const string Repo = PluginTestHost.Repo;

    private const string PluginsYaml = """
        repo_milestone:
          '':
            maintainers_team: release-team
            maintainers_friendly_name: Release Leads
        milestone_applier:
          org/repo:
            main: v1.1
        """;

    [Fact]
    public async Task TeamMemberSetsMilestoneAndStatus_OutsiderIsRefused_MergeAppliesTheBranchMilestone()
    {
        await using var host = await PluginTestHost.StartAsync("", "milestone, milestonestatus, milestoneapplier", extraPluginsYaml: PluginsYaml, seed: repo =>
        {
            repo.WithMilestone(1, "v1.0").WithMilestone(2, "v1.1");
            repo.AddPullRequest(1, "change", "alice", "head0001");
        });
        host.GitHub.State.Org("org").Teams["release-team"] = ["maintainer"];

        await host.SendAsync("issue_comment", Webhooks.PullRequestComment(Repo, 1, "/milestone v1.0\n/status in-review", "maintainer"), pullRequest: 1);
        Assert.Equal("v1.0", host.GitHub.Issue(Repo, 1).Milestone);
        Assert.Equal(["status/in-review"], host.GitHub.LabelsOn(Repo, 1));
        Assert.Empty(host.GitHub.CommentsOn(Repo, 1));

        await host.SendAsync("issue_comment", Webhooks.PullRequestComment(Repo, 1, "/milestone clear", "stranger"), pullRequest: 1);
        Assert.Equal("v1.0", host.GitHub.Issue(Repo, 1).Milestone);
        var refusal = Assert.Single(host.GitHub.CommentsOn(Repo, 1)).Body;
        Assert.StartsWith("@stranger: You must be a member of the [org/release-team](https://github.com/orgs/org/teams/release-team/members) GitHub team to set the milestone.", refusal, StringComparison.Ordinal);
        Assert.Contains("please contact your Release Leads", refusal, StringComparison.Ordinal);

        await host.SendAsync("pull_request", PullRequestWebhooks.Event("closed", Repo, 1, merged: true, milestone: "v1.0"), pullRequest: 1);
        Assert.Equal("v1.1", host.GitHub.Issue(Repo, 1).Milestone);

        var help = JsonDocument.Parse(await host.Prow.Client.GetStringAsync("/plugin-help.js")).RootElement.GetProperty("PluginHelp");
        Assert.Equal(["/milestone <version> or /milestone clear"], Usages(help, "milestone"));
        Assert.Equal(["/status (approved-for-milestone|in-progress|in-review)"], Usages(help, "milestonestatus"));
        Assert.Empty(Usages(help, "milestoneapplier"));
        Assert.Contains("\"release-team\"", help.GetProperty("milestone").GetProperty("Config").GetProperty("").GetString(), StringComparison.Ordinal);
        Assert.Contains("org/repo `main`: `v1.1`", help.GetProperty("milestoneapplier").GetProperty("Config").GetProperty("org").GetString(), StringComparison.Ordinal);
    }

    private static List<string?> Usages(JsonElement help, string plugin) =>
        [.. help.GetProperty(plugin).GetProperty("Commands").EnumerateArray().Select(c => c.GetProperty("Usage").GetString())];
}
