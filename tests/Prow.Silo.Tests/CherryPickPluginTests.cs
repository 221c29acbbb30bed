using System.Text.Json.Nodes;
using Prow.Config;
using Prow.Config.Plugins;
using Prow.FakeGitHub;
using Prow.Grains.Plugins.CherryPickApproved;
using Prow.Grains.Plugins.CherryPickUnapproved;

namespace Prow.Silo.Tests;

/// <summary>
/// The cherry-pick-unapproved and cherry-pick-approved plugins' cases, in the manner of Prow's
/// cherrypick-unapproved_test.go and cherrypickapproved_test.go, against the fake GitHub.
/// </summary>
public sealed class CherryPickPluginTests
{
    private const string Repo = PluginHarness.Repo;
    private const string Approved = CherryPickLabels.Approved;
    private const string NotApproved = CherryPickLabels.NotApproved;

    public static TheoryData<string, string, string, string?, string?, string[], string[], int> UnapprovedCases => new()
    {
        // name, action, base branch, label of the event, previous base (edited), labels before, labels after, bot comments after
        { "opened into a release branch: held, with the comment", "opened", "release-1.30", null, null, [], [NotApproved], 1 },
        { "reopened into a release branch: held", "reopened", "release-1.30", null, null, [], [NotApproved], 1 },
        { "opened into master: nothing", "opened", "master", null, null, [], [], 0 },
        { "already approved: not held", "opened", "release-1.30", null, null, [Approved], [Approved], 0 },
        { "already held: not commented again", "opened", "release-1.30", null, null, [NotApproved], [NotApproved], 1 },
        { "approved label added: the hold and the comment go", "labeled", "release-1.30", Approved, null, [Approved, NotApproved], [Approved], 0 },
        { "approved label removed: held again", "unlabeled", "release-1.30", Approved, null, [], [NotApproved], 1 },
        { "an unrelated label: nothing", "labeled", "release-1.30", "lgtm", null, ["lgtm"], ["lgtm"], 0 },
        { "base moved onto a release branch: held", "edited", "release-1.30", null, "master", [], [NotApproved], 1 },
        { "base moved off a release branch: both labels and the comment go", "edited", "master", null, "release-1.30", [Approved, NotApproved], [], 0 },
        { "base moved between release branches: nothing", "edited", "release-1.31", null, "release-1.30", [], [], 0 },
        { "edited without a base change: nothing", "edited", "release-1.30", null, null, [], [], 0 },
    };

    [Theory]
    [MemberData(nameof(UnapprovedCases))]
    public async Task CherryPickUnapproved_HoldsReleaseBranchPullRequests(string name, string action, string baseRef, string? label, string? previousBase, string[] before, string[] after, int comments)
    {
        Assert.NotEmpty(name);
        await using var harness = await PluginHarness.StartAsync();
        harness.GitHub.Change(Repo, r =>
        {
            r.AddPullRequest(1, "cherry pick", "alice", "sha1", baseRef).Labels.AddRange(before);
            if (before.Contains(NotApproved))
            {
                // The bot's earlier comment, which the plugin should take away.
                r.Comments.Add(new FakeComment(1, 1, harness.GitHub.State.BotLogin, CherryPickUnapprovedConfig.DefaultComment + "\n\n<details>bot</details>", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));
            }
        });
        var json = WebhookEdits.Edit(Webhooks.PullRequest(action, Repo, 1, "alice", "sha1", baseRef: baseRef), e =>
        {
            if (label is not null)
            {
                e["label"] = new JsonObject { ["name"] = label };
            }

            if (previousBase is not null)
            {
                e["changes"] = new JsonObject { ["base"] = new JsonObject { ["ref"] = new JsonObject { ["from"] = previousBase }, ["sha"] = new JsonObject { ["from"] = "old" } } };
            }
        });

        await harness.RunAsync(new CherryPickUnapprovedPlugin(), "pull_request", json);

        Assert.Equal(after.Order(StringComparer.Ordinal), harness.GitHub.LabelsOn(Repo, 1).Order(StringComparer.Ordinal));
        var botComments = harness.GitHub.CommentsOn(Repo, 1).Where(c => c.Body.Contains(CherryPickUnapprovedConfig.DefaultComment, StringComparison.Ordinal));
        Assert.Equal(comments, botComments.Count());
    }

    [Fact]
    public async Task CherryPickUnapproved_ConfiguredBranchesAndComment_AreUsed()
    {
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddPullRequest(1, "cherry pick", "alice", "sha1", "stable/2.0");
        harness.FakeRepo.AddPullRequest(2, "cherry pick", "alice", "sha2", "release-1.30");
        const string Yaml = "cherry_pick_unapproved:\n  branchregexp: '^stable/'\n  comment: Ask the release team.\n";

        await harness.RunAsync(new CherryPickUnapprovedPlugin(), "pull_request", Webhooks.PullRequest("opened", Repo, 1, "alice", "sha1", baseRef: "stable/2.0"), Yaml);
        await harness.RunAsync(new CherryPickUnapprovedPlugin(), "pull_request", Webhooks.PullRequest("opened", Repo, 2, "alice", "sha2", baseRef: "release-1.30"), Yaml);

        Assert.Equal([NotApproved], harness.GitHub.LabelsOn(Repo, 1));
        Assert.StartsWith("Ask the release team.", Assert.Single(harness.GitHub.CommentsOn(Repo, 1)).Body, StringComparison.Ordinal);
        Assert.Empty(harness.GitHub.LabelsOn(Repo, 2));
    }

    private const string ApprovedYaml = """
        cherry_pick_approved:
        - org: org
          repo: repo
          approvers: [release-manager]

        """;

    public static TheoryData<string, string, string, string, string, string[], string?, string, string[]> ApprovedCases => new()
    {
        // name, reviewer, review state, action, base branch, labels before, failing status, extra yaml, labels after
        { "an approver approves a ready cherry-pick", "release-manager", "approved", "submitted", "release-1.30", ["lgtm", "approved", NotApproved], null, "", ["lgtm", "approved", Approved] },
        { "someone not in the approvers list: nothing", "alice", "approved", "submitted", "release-1.30", ["lgtm", "approved", NotApproved], null, "", ["lgtm", "approved", NotApproved] },
        { "a comment review: nothing", "release-manager", "commented", "submitted", "release-1.30", ["lgtm", "approved"], null, "", ["lgtm", "approved"] },
        { "an edited review: nothing", "release-manager", "approved", "edited", "release-1.30", ["lgtm", "approved"], null, "", ["lgtm", "approved"] },
        { "not a release branch: nothing", "release-manager", "approved", "submitted", "master", ["lgtm", "approved"], null, "", ["lgtm", "approved"] },
        { "a failed test: nothing", "release-manager", "approved", "submitted", "release-1.30", ["lgtm", "approved"], "unit", "", ["lgtm", "approved"] },
        { "without lgtm: nothing", "release-manager", "approved", "submitted", "release-1.30", ["approved"], null, "", ["approved"] },
        { "without approved: nothing", "release-manager", "approved", "submitted", "release-1.30", ["lgtm"], null, "", ["lgtm"] },
        { "held: nothing", "release-manager", "approved", "submitted", "release-1.30", ["lgtm", "approved", "do-not-merge/hold"], null, "", ["lgtm", "approved", "do-not-merge/hold"] },
        { "missing labels allowed by config", "release-manager", "approved", "submitted", "release-1.30", [], null, "  allow_missing_lgtm_label: true\n  allow_missing_approved_label: true\n", [Approved] },
        { "a configured branch regexp", "release-manager", "approved", "submitted", "stable", ["lgtm", "approved"], null, "  branchregexp: '^stable$'\n", ["lgtm", "approved", Approved] },
    };

    [Theory]
    [MemberData(nameof(ApprovedCases))]
    public async Task CherryPickApproved_ByReview(string name, string reviewer, string state, string action, string baseRef, string[] before, string? failing, string extraYaml, string[] after)
    {
        Assert.NotEmpty(name);
        await using var harness = await PluginHarness.StartAsync();
        harness.GitHub.Change(Repo, r =>
        {
            r.AddPullRequest(1, "cherry pick", "alice", "sha1", baseRef).Labels.AddRange(before);
            r.Statuses["sha1"] = [new FakeStatus(1, failing is null ? "success" : "failure", failing ?? "unit", null, null, "ci", DateTimeOffset.UnixEpoch)];
        });
        var json = WebhookEdits.Edit(Webhooks.PullRequestReview(Repo, 1, reviewer, state, "sha1", action: action), e => e["pull_request"]!["base"]!["ref"] = baseRef);

        await harness.RunAsync(new CherryPickApprovedPlugin(), "pull_request_review", json, ApprovedYaml + extraYaml);

        Assert.Equal(after.Order(StringComparer.Ordinal), harness.GitHub.LabelsOn(Repo, 1).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CherryPickApproved_WithoutApprovers_DoesNothing()
    {
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddPullRequest(1, "cherry pick", "alice", "sha1", "release-1.30").Labels.AddRange(["lgtm", "approved"]);
        var json = WebhookEdits.Edit(Webhooks.PullRequestReview(Repo, 1, "alice", "approved", "sha1"), e => e["pull_request"]!["base"]!["ref"] = "release-1.30");

        await harness.RunAsync(new CherryPickApprovedPlugin(), "pull_request_review", json, "cherry_pick_approved:\n- org: org\n  repo: repo\n");

        Assert.Empty(harness.GitHub.Calls);
    }

    [Fact]
    public void Config_KubernetesCorpus_ReadsBothSections()
    {
        var plugins = Path.Combine(RepositoryRoot.Path, "testdata", "conformance", "kubernetes_test-infra", "plugins.yaml");

        var config = ConfigLoader.Load(new ConfigPaths(null, null, plugins)).Snapshot!.Plugins;

        var approved = Assert.Single(config.CherryPickApproved);
        Assert.Equal(("kubernetes", "kubernetes"), (approved.Org, approved.Repo));
        Assert.Contains("cpanato", approved.Approvers);
        Assert.Matches(approved.BranchRe!, "release-1.30");
        Assert.StartsWith("This cherry pick PR is for a release branch and has not yet been approved", config.CherryPickUnapproved.Comment, StringComparison.Ordinal);
        Assert.Matches(config.CherryPickUnapproved.BranchRe!, "release-1.30");
        Assert.DoesNotMatch(config.CherryPickUnapproved.BranchRe!, "master");
    }

    [Fact]
    public void Config_BranchRegexpThatDoesNotCompile_IsAnErrorNamingTheLine()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "plugins.yaml");
        File.WriteAllText(file, "cherry_pick_unapproved:\n  branchregexp: '^release-('\n");

        var loaded = ConfigLoader.Load(new ConfigPaths(null, null, file));

        Assert.False(loaded.Succeeded);
        Assert.Contains(loaded.Problems, p => p.Line == 2 && p.Field == "cherry_pick_unapproved.branchregexp");
    }
}
