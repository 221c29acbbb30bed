using System.Text.Json.Nodes;
using Prow.FakeGitHub;

namespace Prow.Silo.Tests;

/// <summary>The approve plugin end to end with Prow's defaults (the author approves implicitly, reviews count).</summary>
public sealed class ApprovePluginTests(ApprovePluginTests.Fixture fixture) : IClassFixture<ApprovePluginTests.Fixture>
{
    public sealed class Fixture() : OwnersHostFixture("approve");

    private const string Repo = PluginTestHost.Repo;
    private readonly PluginTestHost _host = fixture.Host;

    [Fact]
    public async Task ApproversOfEveryOwnersFile_ApproveThePullRequest_InOneNotifierCommentEditedInPlace()
    {
        OwnersScenario.PullRequest(_host, 70, "alice", "sha70", "pkg/a.go", "docs/guide.md");

        await OwnersScenario.OpenedAsync(_host, 70, "alice", "sha70");
        var notifier = Assert.Single(OwnersScenario.BotComments(_host, 70));
        Assert.StartsWith("[APPROVALNOTIFIER] This PR is **NOT APPROVED**", notifier.Body, StringComparison.Ordinal);
        Assert.Contains("- **[docs/OWNERS](https://github.com/org/repo/blob/main/docs/OWNERS)**", notifier.Body, StringComparison.Ordinal);
        Assert.Contains("- **[pkg/OWNERS](https://github.com/org/repo/blob/main/pkg/OWNERS)**", notifier.Body, StringComparison.Ordinal);
        // The closest approvers are suggested, one per OWNERS file.
        Assert.Contains("assign [doc-approver](https://github.com/doc-approver), [pkg-approver](https://github.com/pkg-approver) to approve", notifier.Body, StringComparison.Ordinal);
        Assert.Empty(_host.GitHub.LabelsOn(Repo, 70));

        await OwnersScenario.CommentAsync(_host, 70, OwnersScenario.PkgApprover, "/approve");
        var edited = Assert.Single(OwnersScenario.BotComments(_host, 70));
        Assert.Equal(notifier.Id, edited.Id);
        Assert.StartsWith("[APPROVALNOTIFIER] This PR is **NOT APPROVED**", edited.Body, StringComparison.Ordinal);
        Assert.Contains("- ~~[pkg/OWNERS](https://github.com/org/repo/blob/main/pkg/OWNERS)~~ [pkg-approver]", edited.Body, StringComparison.Ordinal);
        Assert.Contains("assign [doc-approver](https://github.com/doc-approver) to approve", edited.Body, StringComparison.Ordinal);
        Assert.Empty(_host.GitHub.LabelsOn(Repo, 70));

        await OwnersScenario.CommentAsync(_host, 70, OwnersScenario.DocApprover, "/approve");
        var approved = Assert.Single(OwnersScenario.BotComments(_host, 70));
        Assert.Equal(notifier.Id, approved.Id);
        Assert.StartsWith("[APPROVALNOTIFIER] This PR is **APPROVED**", approved.Body, StringComparison.Ordinal);
        Assert.Equal(["approved"], _host.GitHub.LabelsOn(Repo, 70));

        await OwnersScenario.CommentAsync(_host, 70, OwnersScenario.DocApprover, "/approve cancel");
        Assert.StartsWith("[APPROVALNOTIFIER] This PR is **NOT APPROVED**", Assert.Single(OwnersScenario.BotComments(_host, 70)).Body, StringComparison.Ordinal);
        Assert.Empty(_host.GitHub.LabelsOn(Repo, 70));
        Assert.Single(_host.GitHub.CallsTo("POST", "/repos/org/repo/issues/70/comments"));
        Assert.Equal(3, _host.GitHub.CallsTo("PATCH", $"/repos/org/repo/issues/comments/{notifier.Id}").Count);
    }

    [Fact]
    public async Task Approve_BySomeoneNotInOwners_DoesNotApprove()
    {
        OwnersScenario.PullRequest(_host, 71, "alice", "sha71", "pkg/a.go");

        await OwnersScenario.CommentAsync(_host, 71, OwnersScenario.Collaborator, "/approve");

        Assert.Empty(_host.GitHub.LabelsOn(Repo, 71));
        var notifier = Assert.Single(OwnersScenario.BotComments(_host, 71)).Body;
        Assert.StartsWith("[APPROVALNOTIFIER] This PR is **NOT APPROVED**", notifier, StringComparison.Ordinal);
        Assert.Contains("- **[pkg/OWNERS](https://github.com/org/repo/blob/main/pkg/OWNERS)**", notifier, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAuthorWhoIsAnApprover_ApprovesImplicitlyWhenOpening()
    {
        OwnersScenario.PullRequest(_host, 72, OwnersScenario.RootApprover, "sha72", "pkg/a.go", "docs/x.md", "main.go");

        await OwnersScenario.OpenedAsync(_host, 72, OwnersScenario.RootApprover, "sha72");

        Assert.Equal(["approved"], _host.GitHub.LabelsOn(Repo, 72));
        Assert.Contains("title=\"Author self-approved\">root-approver</a>", Assert.Single(OwnersScenario.BotComments(_host, 72)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnApprovingReview_Approves_AndChangesRequestedWithdraws()
    {
        OwnersScenario.PullRequest(_host, 73, "alice", "sha73", "docs/guide.md");

        await OwnersScenario.ReviewAsync(_host, 73, OwnersScenario.DocApprover, "APPROVED");
        Assert.Equal(["approved"], _host.GitHub.LabelsOn(Repo, 73));

        await OwnersScenario.ReviewAsync(_host, 73, OwnersScenario.DocApprover, "CHANGES_REQUESTED");
        Assert.Empty(_host.GitHub.LabelsOn(Repo, 73));
        Assert.StartsWith("[APPROVALNOTIFIER] This PR is **NOT APPROVED**", Assert.Single(OwnersScenario.BotComments(_host, 73)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApprovedLabelAddedByAPerson_ApprovesByHand_ButTheBotsOwnLabelFollowsTheRules()
    {
        var pr = OwnersScenario.PullRequest(_host, 75, "alice", "sha75", "pkg/a.go");
        pr.Labels.Add("approved");
        pr.Events.Add(new FakeIssueEvent(1, "labeled", "maintainer", "approved", DateTimeOffset.UtcNow));
        var labeled = JsonNode.Parse(Webhooks.PullRequest("labeled", Repo, 75, "alice", "sha75", labels: "approved"))!;
        labeled["label"] = new JsonObject { ["name"] = "approved" };
        labeled["sender"] = new JsonObject { ["login"] = "maintainer", ["id"] = 7 };

        await _host.SendAsync("pull_request", labeled.ToJsonString(), pullRequest: 75);

        Assert.Equal(["approved"], _host.GitHub.LabelsOn(Repo, 75));
        Assert.Contains("bypassed", Assert.Single(OwnersScenario.BotComments(_host, 75)).Body, StringComparison.Ordinal);

        // The bot's own label is not a manual approval: without approvers it comes off.
        var other = OwnersScenario.PullRequest(_host, 76, "alice", "sha76", "pkg/a.go");
        other.Labels.Add("approved");
        other.Events.Add(new FakeIssueEvent(2, "labeled", _host.GitHub.State.BotLogin, "approved", DateTimeOffset.UtcNow));
        await OwnersScenario.OpenedAsync(_host, 76, "alice", "sha76", action: "synchronize");
        Assert.Empty(_host.GitHub.LabelsOn(Repo, 76));
    }

    [Fact]
    public async Task ApprovalsInLineCommentsOfTheDiff_CountToo()
    {
        var pr = OwnersScenario.PullRequest(_host, 77, "alice", "sha77", "pkg/a.go");
        pr.ReviewComments.Add(new FakeComment(77_001, 77, OwnersScenario.PkgApprover, "nit, but fine\n/approve", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow));

        await OwnersScenario.OpenedAsync(_host, 77, "alice", "sha77", action: "synchronize");

        Assert.Equal(["approved"], _host.GitHub.LabelsOn(Repo, 77));
    }

    [Fact]
    public async Task ACommentWithoutACommand_LeavesThePullRequestAlone()
    {
        OwnersScenario.PullRequest(_host, 74, "alice", "sha74", "pkg/a.go");

        await OwnersScenario.CommentAsync(_host, 74, OwnersScenario.PkgApprover, "I would /approve once the tests pass");

        Assert.Empty(OwnersScenario.BotComments(_host, 74));
        Assert.DoesNotContain(_host.GitHub.Calls, c => c.Path.StartsWith("/repos/org/repo/pulls/74", StringComparison.Ordinal));
    }
}
