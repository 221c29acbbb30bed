using Prow.FakeGitHub;
using Prow.Grains.Plugins.VerifyOwners;

namespace Prow.Silo.Tests;

/// <summary>The verify-owners plugin's cases, in the manner of Prow's verify-owners_test.go, against the fake GitHub.</summary>
public sealed class VerifyOwnersPluginTests
{
    private const string Repo = PluginHarness.Repo;
    private const string Invalid = VerifyOwnersPlugin.InvalidOwnersLabel;

    public static TheoryData<string, string, string, string, string?, int> ReviewCases => new()
    {
        // name, path, content at the head, patch, the review comment (null: valid), its position
        { "members added to OWNERS: valid", "pkg/OWNERS", "approvers:\n- alice\n", "@@ -0,0 +1,2 @@\n+approvers:\n+- alice", null, 0 },
        { "a root OWNERS without approvers: invalid", "OWNERS", "reviewers:\n- alice\n", "@@ -0,0 +1,2 @@\n+reviewers:\n+- alice", "No approvers defined in this root directory OWNERS file.", 1 },
        { "a denied label: invalid", "pkg/OWNERS", "approvers: [alice]\nlabels: [lgtm, area/x, approved]\n", "@@ -0,0 +1,2 @@\n+approvers: [alice]\n+labels: [lgtm, area/x, approved]", "File contains banned labels: [approved lgtm].", 1 },
        { "a filters OWNERS whose labels are denied: invalid", "pkg/OWNERS", "filters:\n  '.*':\n    approvers: [alice]\n    labels: [lgtm]\n", "@@ -0,0 +1,4 @@\n+filters:\n+  '.*':\n+    approvers: [alice]\n+    labels: [lgtm]", "File contains banned labels: [lgtm].", 1 },
        { "a root OWNERS with approvers under a filter: valid", "OWNERS", "filters:\n  '.*':\n    approvers: [alice]\n", "@@ -0,0 +1,3 @@\n+filters:\n+  '.*':\n+    approvers: [alice]", null, 0 },
    };

    [Theory]
    [MemberData(nameof(ReviewCases))]
    public async Task OwnersFileChanged(string name, string path, string content, string patch, string? problem, int position)
    {
        Assert.NotEmpty(name);
        await using var harness = await PluginHarness.StartAsync();
        Seed(harness, (path, content, patch, "added"));

        await harness.RunAsync(new VerifyOwnersPlugin(), "pull_request", Webhooks.PullRequest("opened", Repo, 1, "alice", "sha1"));

        var pr = harness.GitHub.Issue(Repo, 1);
        if (problem is null)
        {
            Assert.Empty(harness.GitHub.LabelsOn(Repo, 1));
            Assert.Empty(pr.Reviews);
            return;
        }

        Assert.Equal([Invalid], harness.GitHub.LabelsOn(Repo, 1));
        var review = Assert.Single(pr.Reviews);
        Assert.Equal(("COMMENTED", "sha1", "@alice: 1 invalid OWNERS file"), (review.State, review.CommitId, review.Body));
        var comment = Assert.Single(pr.ReviewComments);
        Assert.Equal((path, position, problem), (comment.Path, comment.Position, comment.Body));
    }

    [Fact]
    public async Task OwnersFileThatDoesNotParse_IsReviewedAtTheLineInTheDiff()
    {
        await using var harness = await PluginHarness.StartAsync();
        Seed(harness, ("pkg/OWNERS", "approvers:\n- alice\nreviewers: [bob\n", "@@ -1,2 +1,3 @@\n approvers:\n - alice\n+reviewers: [bob", "modified"));

        await harness.RunAsync(new VerifyOwnersPlugin(), "pull_request", Webhooks.PullRequest("synchronize", Repo, 1, "alice", "sha1"));

        Assert.Equal([Invalid], harness.GitHub.LabelsOn(Repo, 1));
        var comment = Assert.Single(harness.GitHub.Issue(Repo, 1).ReviewComments);
        Assert.StartsWith("Cannot parse file: ", comment.Body, StringComparison.Ordinal);
        Assert.Equal("pkg/OWNERS", comment.Path);
    }

    [Fact]
    public async Task NewlyAddedUntrustedApprover_IsNamedWithTheReason()
    {
        await using var harness = await PluginHarness.StartAsync();
        Seed(harness, ("pkg/OWNERS", "approvers:\n- alice\n- stranger\n- old-timer\n", "@@ -1,3 +1,4 @@\n approvers:\n - alice\n+- stranger\n - old-timer", "modified"));

        await harness.RunAsync(new VerifyOwnersPlugin(), "pull_request", Webhooks.PullRequest("opened", Repo, 1, "alice", "sha1"));

        Assert.Equal([Invalid], harness.GitHub.LabelsOn(Repo, 1));
        var body = Assert.Single(harness.GitHub.CommentsOn(Repo, 1)).Body;
        Assert.Equal(
            VerifyOwnersPlugin.UntrustedHeader("org", "https://github.com/orgs/org/people")
            + "\n- stranger\n  - User is not a member of the org. User is not a collaborator. Satisfy at least one of these conditions to make the user trusted.\n  - pkg/OWNERS",
            body);
        Assert.DoesNotContain("old-timer", body, StringComparison.Ordinal); // already there before: not checked
        Assert.Empty(harness.GitHub.Issue(Repo, 1).Reviews);
    }

    [Fact]
    public async Task SkipCollaborators_LeavesNewPeopleUnchecked()
    {
        await using var harness = await PluginHarness.StartAsync();
        Seed(harness, ("pkg/OWNERS", "approvers:\n- stranger\n", "@@ -0,0 +1,2 @@\n+approvers:\n+- stranger", "added"));

        await harness.RunAsync(new VerifyOwnersPlugin(), "pull_request", Webhooks.PullRequest("opened", Repo, 1, "alice", "sha1"), "owners:\n  skip_collaborators: [org/repo]\n");

        Assert.Empty(harness.GitHub.LabelsOn(Repo, 1));
        Assert.Empty(harness.GitHub.CommentsOn(Repo, 1));
    }

    [Fact]
    public async Task AnAliasAddedToOwners_IsNotTrustChecked_ButNewAliasMembersAre()
    {
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.Collaborators["carol"] = "write";
        Seed(
            harness,
            ("pkg/OWNERS", "approvers:\n- sig-leads\n", "@@ -0,0 +1,2 @@\n+approvers:\n+- sig-leads", "added"),
            ("OWNERS_ALIASES", "aliases:\n  sig-leads:\n  - carol\n  - mallory\n", "@@ -0,0 +1,4 @@\n+aliases:\n+  sig-leads:\n+  - carol\n+  - mallory", "added"));

        await harness.RunAsync(new VerifyOwnersPlugin(), "pull_request", Webhooks.PullRequest("opened", Repo, 1, "alice", "sha1"));

        Assert.Equal([Invalid], harness.GitHub.LabelsOn(Repo, 1));
        var body = Assert.Single(harness.GitHub.CommentsOn(Repo, 1)).Body;
        Assert.Contains("\n- mallory\n", body, StringComparison.Ordinal);
        Assert.Contains("  - OWNERS_ALIASES", body, StringComparison.Ordinal);
        Assert.DoesNotContain("carol", body, StringComparison.Ordinal);
        Assert.DoesNotContain("- sig-leads", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AliasesThatDoNotParse_AreInvalid()
    {
        await using var harness = await PluginHarness.StartAsync();
        Seed(harness, ("OWNERS_ALIASES", "aliases: [not, a, map\n", "@@ -0,0 +1 @@\n+aliases: [not, a, map", "added"));

        await harness.RunAsync(new VerifyOwnersPlugin(), "pull_request", Webhooks.PullRequest("opened", Repo, 1, "alice", "sha1"));

        Assert.Equal([Invalid], harness.GitHub.LabelsOn(Repo, 1));
        Assert.Equal("The content of OWNERS_ALIASES is invalid.", Assert.Single(harness.GitHub.CommentsOn(Repo, 1)).Body);
    }

    [Fact]
    public async Task FixedOnALaterPush_TakesTheLabelAndTheUntrustedCommentAway()
    {
        await using var harness = await PluginHarness.StartAsync();
        Seed(harness, ("pkg/OWNERS", "approvers:\n- stranger\n", "@@ -0,0 +1,2 @@\n+approvers:\n+- stranger", "added"));
        await harness.RunAsync(new VerifyOwnersPlugin(), "pull_request", Webhooks.PullRequest("opened", Repo, 1, "alice", "sha1"));
        Assert.Equal([Invalid], harness.GitHub.LabelsOn(Repo, 1));

        harness.GitHub.Change(Repo, r =>
        {
            r.WithFile("sha2", "pkg/OWNERS", "approvers:\n- alice\n");
            r.Issues[1].HeadSha = "sha2";
            r.Issues[1].Files.Clear();
            r.Issues[1].Files.Add(new FakeChangedFile("pkg/OWNERS", Status: "added", Patch: "@@ -0,0 +1,2 @@\n+approvers:\n+- alice"));
        });
        await harness.RunAsync(new VerifyOwnersPlugin(), "pull_request", Webhooks.PullRequest("synchronize", Repo, 1, "alice", "sha2"));

        Assert.Empty(harness.GitHub.LabelsOn(Repo, 1));
        Assert.Empty(harness.GitHub.CommentsOn(Repo, 1));
    }

    [Fact]
    public async Task VerifyOwnersComment_ChecksAgain_AfterTheUserWasMadeTrusted()
    {
        await using var harness = await PluginHarness.StartAsync();
        Seed(harness, ("pkg/OWNERS", "approvers:\n- stranger\n", "@@ -0,0 +1,2 @@\n+approvers:\n+- stranger", "added"));
        await harness.RunAsync(new VerifyOwnersPlugin(), "pull_request", Webhooks.PullRequest("opened", Repo, 1, "alice", "sha1"));
        harness.GitHub.State.Org("org").Members.Add("stranger");

        await harness.RunAsync(new VerifyOwnersPlugin(), "issue_comment", Webhooks.PullRequestComment(Repo, 1, "/verify-owners", "bob"));

        Assert.Empty(harness.GitHub.LabelsOn(Repo, 1));
        Assert.Empty(harness.GitHub.CommentsOn(Repo, 1));
    }

    [Fact]
    public async Task NoOwnersChangeAndNoLabel_ReadsNoFiles()
    {
        await using var harness = await PluginHarness.StartAsync();
        Seed(harness, ("main.go", "package main\n", "@@ -0,0 +1 @@\n+package main", "added"), ("pkg/OWNERS", "", "", "removed"));

        await harness.RunAsync(new VerifyOwnersPlugin(), "pull_request", Webhooks.PullRequest("opened", Repo, 1, "alice", "sha1"));

        Assert.DoesNotContain(harness.GitHub.Calls, c => c.Path.Contains("/contents/", StringComparison.Ordinal));
        Assert.Empty(harness.GitHub.Writes);
    }

    [Fact]
    public void PluginsYamlOfTheKubernetesCorpus_EnablesItAndDeniesLabels()
    {
        var plugins = Path.Combine(RepositoryRoot.Path, "testdata", "conformance", "kubernetes_test-infra", "plugins.yaml");

        var config = Prow.Config.ConfigLoader.Load(new Prow.Config.ConfigPaths(null, null, plugins)).Snapshot!.Plugins;

        Assert.Contains(config.Plugins, p => p.Value.Plugins.Contains(VerifyOwnersPlugin.PluginName));
        Assert.Contains("approved", config.Owners.LabelsDenylist);
    }

    public static TheoryData<string, string, string, string, string[]> LayoutCases => new()
    {
        // name, config.yaml, plugins.yaml, the changed file (a root OWNERS-like file without approvers), files reviewed as invalid
        { "by default OWNERS is checked", "", "", "OWNERS", ["OWNERS"] },
        { "a file named as the repo's OWNERS is checked", "", "owners:\n  filenames:\n    org/repo: {owners: OWNERS.k8s}\n", "OWNERS.k8s", ["OWNERS.k8s"] },
        { "with another name configured, OWNERS is just a file", "", "owners:\n  filenames:\n    org: {owners: OWNERS.k8s}\n", "OWNERS", [] },
        { "an OWNERS in a denylisted directory is not checked", "owners_dir_denylist:\n  default: ['^third_party']\n", "", "third_party/x/OWNERS", [] },
        { "an OWNERS under vendor/<dir>/<dir> is not checked (Prow's preconfigured denylist)", "", "", "vendor/a/b/OWNERS", [] },
        { "an OWNERS outside the denylist is checked", "owners_dir_denylist:\n  default: ['^third_party']\n", "", "pkg/OWNERS", ["pkg/OWNERS"] },
    };

    [Theory]
    [MemberData(nameof(LayoutCases))]
    public async Task OwnersFileChanged_UnderTheRepositorysNamesAndDenylist(string name, string configYaml, string pluginsYaml, string path, string[] reviewed)
    {
        Assert.NotEmpty(name);
        await using var harness = await PluginHarness.StartAsync();
        Seed(harness, (path, "labels: [lgtm]\n", "@@ -0,0 +1 @@\n+labels: [lgtm]", "added"));

        await harness.RunAsync(new VerifyOwnersPlugin(), "pull_request", Webhooks.PullRequest("opened", Repo, 1, "alice", "sha1"), pluginsYaml, configYaml: configYaml);

        Assert.Equal(reviewed, harness.GitHub.Issue(Repo, 1).ReviewComments.Select(c => c.Path));
        Assert.Equal(reviewed.Length > 0 ? [Invalid] : [], harness.GitHub.LabelsOn(Repo, 1));
    }

    private static void Seed(PluginHarness harness, params (string Path, string Content, string Patch, string Status)[] files) =>
        harness.GitHub.Change(Repo, r =>
        {
            var pr = r.AddPullRequest(1, "owners", "alice", "sha1");
            foreach (var (path, content, patch, status) in files)
            {
                if (status != "removed")
                {
                    r.WithFile("sha1", path, content);
                }

                pr.Files.Add(new FakeChangedFile(path, Status: status, Patch: patch));
            }
        });
}
