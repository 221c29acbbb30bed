using Prow.FakeGitHub;

namespace Prow.Silo.Tests;

/// <summary>The lgtm plugin end to end, on a repository with review_acts_as_lgtm and store_tree_hash.</summary>
public sealed class LgtmPluginTests(LgtmPluginTests.Fixture fixture) : IClassFixture<LgtmPluginTests.Fixture>
{
    public sealed class Fixture() : OwnersHostFixture("lgtm", "lgtm:\n- repos: [org/repo]\n  review_acts_as_lgtm: true\n  store_tree_hash: true\n  trusted_team_for_sticky_lgtm: sticky\n");

    private const string Repo = PluginTestHost.Repo;
    private readonly PluginTestHost _host = fixture.Host;

    [Fact]
    public async Task Lgtm_ByACollaborator_AddsTheLabel_AssignsThem_AndRecordsTheTreeHash()
    {
        OwnersScenario.PullRequest(_host, 60, "alice", "sha60", "pkg/a.go");
        _host.FakeRepo.Trees["sha60"] = "tree60";

        await OwnersScenario.CommentAsync(_host, 60, OwnersScenario.Collaborator, "/lgtm");

        Assert.Equal(["lgtm"], _host.GitHub.LabelsOn(Repo, 60));
        Assert.Equal([OwnersScenario.Collaborator], _host.GitHub.AssigneesOn(Repo, 60));
        Assert.Equal("LGTM label has been added.  <details>Git tree hash: tree60</details>", Assert.Single(OwnersScenario.BotComments(_host, 60)).Body);
    }

    [Fact]
    public async Task Lgtm_ByTheAuthor_IsRefusedWithProwsExplanation()
    {
        OwnersScenario.PullRequest(_host, 61, "alice", "sha61", "pkg/a.go");

        await OwnersScenario.CommentAsync(_host, 61, "alice", "/lgtm");

        Assert.Empty(_host.GitHub.LabelsOn(Repo, 61));
        Assert.Equal("@alice: you cannot LGTM your own PR.", Assert.Single(OwnersScenario.BotComments(_host, 61)).Body);
    }

    [Fact]
    public async Task Lgtm_ByANonCollaborator_IsRefused_QuotedLgtmIsNoCommand()
    {
        OwnersScenario.PullRequest(_host, 62, "alice", "sha62", "pkg/a.go");

        await OwnersScenario.CommentAsync(_host, 62, "stranger", "/lgtm");
        await OwnersScenario.CommentAsync(_host, 62, OwnersScenario.Collaborator, "> /lgtm\nwho said that?");

        Assert.Empty(_host.GitHub.LabelsOn(Repo, 62));
        Assert.Equal("@stranger: changing LGTM is restricted to collaborators", Assert.Single(OwnersScenario.BotComments(_host, 62)).Body);
        Assert.Empty(_host.GitHub.AssigneesOn(Repo, 62));
    }

    [Fact]
    public async Task LgtmCancel_ByACollaboratorOrTheAuthor_RemovesTheLabel()
    {
        OwnersScenario.PullRequest(_host, 63, "alice", "sha63", "pkg/a.go").Labels.Add("lgtm");
        OwnersScenario.PullRequest(_host, 64, "alice", "sha64", "pkg/a.go").Labels.Add("lgtm");

        await OwnersScenario.CommentAsync(_host, 63, OwnersScenario.Collaborator, "/lgtm cancel");
        await OwnersScenario.CommentAsync(_host, 64, "alice", "/remove-lgtm");

        Assert.Empty(_host.GitHub.LabelsOn(Repo, 63));
        Assert.Empty(_host.GitHub.LabelsOn(Repo, 64));
        Assert.Empty(OwnersScenario.BotComments(_host, 64));
    }

    [Fact]
    public async Task Reviews_ActAsLgtm_ApproveAddsAndChangesRequestedRemoves()
    {
        OwnersScenario.PullRequest(_host, 65, "alice", "sha65", "pkg/a.go");

        await OwnersScenario.ReviewAsync(_host, 65, OwnersScenario.Collaborator, "APPROVED");
        Assert.Equal(["lgtm"], _host.GitHub.LabelsOn(Repo, 65));

        await OwnersScenario.ReviewAsync(_host, 65, OwnersScenario.Collaborator, "COMMENTED", "a thought");
        Assert.Equal(["lgtm"], _host.GitHub.LabelsOn(Repo, 65));

        await OwnersScenario.ReviewAsync(_host, 65, OwnersScenario.Collaborator, "CHANGES_REQUESTED");
        Assert.Empty(_host.GitHub.LabelsOn(Repo, 65));
    }

    [Fact]
    public async Task Push_KeepsTheLabelForTheSameTree_AndRemovesItWithANoteWhenTheCodeChanged()
    {
        var pr = OwnersScenario.PullRequest(_host, 66, "alice", "sha66a", "pkg/a.go");
        _host.FakeRepo.Trees["sha66a"] = "tree66";
        _host.FakeRepo.Trees["sha66b"] = "tree66"; // a rebase without conflicts: new commit, same content
        _host.FakeRepo.Trees["sha66c"] = "tree66c";
        await OwnersScenario.CommentAsync(_host, 66, OwnersScenario.Collaborator, "/lgtm");

        pr.HeadSha = "sha66b";
        await OwnersScenario.OpenedAsync(_host, 66, "alice", "sha66b", action: "synchronize");
        Assert.Equal(["lgtm"], _host.GitHub.LabelsOn(Repo, 66));

        pr.HeadSha = "sha66c";
        await OwnersScenario.OpenedAsync(_host, 66, "alice", "sha66c", action: "synchronize");
        Assert.Empty(_host.GitHub.LabelsOn(Repo, 66));
        Assert.Equal("New changes are detected. LGTM label has been removed.", OwnersScenario.BotComments(_host, 66)[^1].Body);

        // A fresh /lgtm clears the stale note and records the new tree.
        await OwnersScenario.CommentAsync(_host, 66, OwnersScenario.Collaborator, "/lgtm");
        Assert.Equal(["lgtm"], _host.GitHub.LabelsOn(Repo, 66));
        Assert.DoesNotContain(OwnersScenario.BotComments(_host, 66), c => c.Body.StartsWith("New changes", StringComparison.Ordinal));
        Assert.Contains(OwnersScenario.BotComments(_host, 66), c => c.Body.EndsWith("Git tree hash: tree66c</details>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Push_ByAMemberOfTheStickyTeam_KeepsTheLabel()
    {
        _host.GitHub.State.Org("org").Teams["sticky"] = ["trusted-author"];
        OwnersScenario.PullRequest(_host, 68, "trusted-author", "sha68b", "pkg/a.go").Labels.Add("lgtm");

        await OwnersScenario.OpenedAsync(_host, 68, "trusted-author", "sha68b", action: "synchronize");

        Assert.Equal(["lgtm"], _host.GitHub.LabelsOn(Repo, 68));
        Assert.Empty(OwnersScenario.BotComments(_host, 68));
    }

    [Fact]
    public async Task Push_WhenTheStickyTeamDoesNotExist_StillRemovesTheLabel()
    {
        await using var host = await OwnersScenario.StartAsync("lgtm", "lgtm:\n- repos: [org]\n  trusted_team_for_sticky_lgtm: org/no-such-team\n");
        OwnersScenario.PullRequest(host, 69, "alice", "sha69b", "pkg/a.go").Labels.Add("lgtm");

        await OwnersScenario.OpenedAsync(host, 69, "alice", "sha69b", action: "synchronize");

        Assert.Empty(host.GitHub.LabelsOn(Repo, 69));
    }

    [Fact]
    public async Task SkipCollaborators_LetsOnlyOwnersReviewersAndApproversLgtm()
    {
        await using var host = await OwnersScenario.StartAsync("lgtm", "owners:\n  skip_collaborators: [org/repo]\n");
        OwnersScenario.PullRequest(host, 67, "alice", "sha67", "docs/guide.md");

        await OwnersScenario.CommentAsync(host, 67, OwnersScenario.PkgApprover, "/lgtm");
        Assert.Empty(host.GitHub.LabelsOn(Repo, 67));
        Assert.Equal("@pkg-approver: adding LGTM is restricted to approvers and reviewers in OWNERS files.", Assert.Single(OwnersScenario.BotComments(host, 67)).Body);

        await OwnersScenario.CommentAsync(host, 67, "doc-reviewer", "/lgtm");
        Assert.Equal(["lgtm"], host.GitHub.LabelsOn(Repo, 67));
    }
}
