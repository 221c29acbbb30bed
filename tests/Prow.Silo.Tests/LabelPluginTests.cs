namespace Prow.Silo.Tests;

public sealed class LabelPluginTests : IAsyncLifetime
{
    private const string Repo = PluginTestHost.Repo;

    private const string LabelConfig = """
        label:
          additional_labels: [api-review]
          restricted_labels:
            org:
            - label: release-blocker
              allowed_users: [alice]
              allowed_teams: [release-team]
              assign_on:
              - label: needs-release-review
            org/repo:
            - label: Release-Blocker
              allowed_users: [dave]
              assign_on:
              - label: cherry-pick-candidate
        """;

    private PluginTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await PluginTestHost.StartAsync("", "label", extraPluginsYaml: LabelConfig);
        _host.FakeRepo.Labels.AddRange(["kind/bug", "kind/feature", "priority/important-soon", "area/prow", "triage/accepted", "api-review", "release-blocker"]);
        _host.GitHub.State.Org("org").Teams["release-team"] = ["carol"];
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TypedCommands_AddAndRemoveLabels_OnIssuesAndPullRequests()
    {
        _host.FakeRepo.AddIssue(1, "bug", "alice");
        _host.FakeRepo.AddPullRequest(2, "fix", "alice", "sha2");

        await _host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 1, "/kind bug\n/priority important-soon\n/area prow", "stranger"));
        await _host.SendAsync("issue_comment", Webhooks.PullRequestComment(Repo, 2, "/kind feature", "stranger"), pullRequest: 2);
        Assert.Equal(["area/prow", "kind/bug", "priority/important-soon"], _host.GitHub.LabelsOn(Repo, 1).Order(StringComparer.Ordinal));
        Assert.Equal(["kind/feature"], _host.GitHub.LabelsOn(Repo, 2));

        await _host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 1, "/remove-kind bug\n/remove-area prow", "stranger"));
        Assert.Equal(["priority/important-soon"], _host.GitHub.LabelsOn(Repo, 1));
        Assert.Empty(_host.GitHub.CommentsOn(Repo, 1));
    }

    [Fact]
    public async Task RemovingTheLastKind_PutsNeedsKindOn_WhenTheRepoHasIt()
    {
        _host.FakeRepo.Labels.Add("needs-kind");
        _host.FakeRepo.AddIssue(8, "bug", "alice").Labels.Add("kind/bug");

        await _host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 8, "/remove-kind bug", "bob"));

        Assert.Equal(["needs-kind"], _host.GitHub.LabelsOn(Repo, 8));
    }

    [Fact]
    public async Task LabelMissingFromTheRepo_IsNotApplied_AndTheReplySaysSo()
    {
        _host.FakeRepo.AddIssue(3, "bug", "alice");

        await _host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 3, "/kind nonsense", "bob"));

        Assert.Empty(_host.GitHub.LabelsOn(Repo, 3));
        var reply = Assert.Single(_host.GitHub.CommentsOn(Repo, 3)).Body;
        Assert.StartsWith("@bob: The label(s) `kind/nonsense` cannot be applied, because the repository does not have them.", reply, StringComparison.Ordinal);
        Assert.Contains("> /kind nonsense", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovingALabelThatIsNotThere_IsExplained()
    {
        _host.FakeRepo.AddIssue(4, "bug", "alice");

        await _host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 4, "/remove-kind feature", "bob"));

        Assert.StartsWith("@bob: These labels are not on the issue: `kind/feature`", Assert.Single(_host.GitHub.CommentsOn(Repo, 4)).Body, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.GitHub.Writes, c => c.Method == "DELETE");
    }

    [Fact]
    public async Task CustomLabel_OnlyFromAdditionalLabels_OthersGetTheSupportedList()
    {
        _host.FakeRepo.AddIssue(5, "api", "alice");

        await _host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 5, "/label api-review", "bob"));
        await _host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 5, "/label kind/bug", "bob"));

        Assert.Equal(["api-review"], _host.GitHub.LabelsOn(Repo, 5));
        Assert.StartsWith("@bob: The label(s) `/label kind/bug` cannot be applied. These labels are supported: `api-review, release-blocker`.",
            Assert.Single(_host.GitHub.CommentsOn(Repo, 5)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestrictedLabel_RefusedToOthers_AppliedForAllowedUsersAndTeamMembers()
    {
        _host.FakeRepo.AddIssue(6, "release", "alice");

        await _host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 6, "/label release-blocker", "bob"));
        Assert.Empty(_host.GitHub.LabelsOn(Repo, 6));
        Assert.StartsWith("@bob: The label(s) `release-blocker` cannot be applied or removed, because you are neither an allowed user nor in one of the allowed teams. Must be a member of one of these teams: release-team",
            Assert.Single(_host.GitHub.CommentsOn(Repo, 6)).Body, StringComparison.Ordinal);

        await _host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 6, "/label release-blocker", "carol"));
        Assert.Equal(["release-blocker"], _host.GitHub.LabelsOn(Repo, 6));

        await _host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 6, "/remove-label release-blocker", "bob"));
        Assert.Equal(["release-blocker"], _host.GitHub.LabelsOn(Repo, 6));

        await _host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 6, "/remove-label release-blocker", "alice"));
        Assert.Empty(_host.GitHub.LabelsOn(Repo, 6));
        Assert.Equal(2, _host.GitHub.CommentsOn(Repo, 6).Count);
    }

    [Fact]
    public async Task TriageAccepted_OnlyByOrgMembers()
    {
        _host.FakeRepo.AddIssue(7, "bug", "bob");

        await _host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 7, "/triage accepted", "bob"));
        Assert.Empty(_host.GitHub.LabelsOn(Repo, 7));
        Assert.StartsWith("@bob: The label `triage/accepted` cannot be applied. Only members of the GitHub organization can add it.",
            Assert.Single(_host.GitHub.CommentsOn(Repo, 7)).Body, StringComparison.Ordinal);

        await _host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 7, "/triage accepted", "alice"));
        Assert.Equal(["triage/accepted"], _host.GitHub.LabelsOn(Repo, 7));
    }

    [Fact]
    public async Task RestrictedLabels_OfTheOrgAndTheRepo_Merge_AndAssignOnLabelsAssignTheAllowedUsers()
    {
        _host.FakeRepo.AddIssue(30, "bug", "alice");
        _host.FakeRepo.AddPullRequest(31, "fix", "alice", "sha31");
        _host.FakeRepo.AddPullRequest(32, "fix", "alice", "sha32");

        // The repo's entry adds dave to the org's allowed users.
        await _host.SendAsync("issue_comment", Webhooks.IssueComment(Repo, 30, "/label release-blocker", "dave"));
        Assert.Equal(["release-blocker"], _host.GitHub.LabelsOn(Repo, 30));

        // Either entry's assign_on label assigns every allowed user of the merged entry.
        _host.FakeRepo.Collaborators["dave"] = "write";
        await _host.SendAsync("pull_request", Labeled(31, "needs-release-review"), pullRequest: 31);
        Assert.Equal(["alice", "dave"], _host.GitHub.AssigneesOn(Repo, 31).Order(StringComparer.Ordinal));

        await _host.SendAsync("pull_request", Labeled(32, "kind/bug"), pullRequest: 32);
        Assert.Empty(_host.GitHub.AssigneesOn(Repo, 32));
    }

    private static string Labeled(int number, string label)
    {
        var labeled = System.Text.Json.Nodes.JsonNode.Parse(Webhooks.PullRequest("labeled", Repo, number, "alice", $"sha{number}"))!;
        labeled["label"] = new System.Text.Json.Nodes.JsonObject { ["name"] = label };
        return labeled.ToJsonString();
    }
}
