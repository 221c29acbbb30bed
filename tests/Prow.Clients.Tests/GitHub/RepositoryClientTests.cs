using Prow.Clients.GitHub;

namespace Prow.Clients.Tests.GitHub;

public sealed class RepositoryClientTests
{
    private static readonly CancellationToken _none = CancellationToken.None;

    [Fact]
    public async Task GetRepository_ReturnsDefaultBranch()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.Server.State.AddRepo("org/other", defaultBranch: "master");

        var repo = await h.Client.GetRepositoryAsync("org", "other", _none);

        Assert.Equal(("org/other", "master", "org"), (repo.FullName, repo.DefaultBranch, repo.Owner.Login));
    }

    [Fact]
    public async Task GetRepositoryLabels_ReturnsSeededLabels()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.FakeRepo.Labels.AddRange(["lgtm", "approved", "kind/bug"]);

        var labels = await h.Client.GetRepositoryLabelsAsync("org", "repo", _none);

        Assert.Equal(["lgtm", "approved", "kind/bug"], labels.Select(l => l.Name));
    }

    [Fact]
    public async Task GetFileContent_AtRef_DecodesBase64AndMissingIsNull()
    {
        await using var h = await GitHubHarness.StartAsync();
        var owners = "approvers:\n- alice\n- bob\nreviewers:\n- carol\n" + new string('#', 200);
        h.FakeRepo.WithFile("feature", "pkg/sub/OWNERS", owners);

        var file = await h.Client.GetFileContentAsync("org", "repo", "pkg/sub/OWNERS", "feature", _none);
        var missing = await h.Client.GetFileContentAsync("org", "repo", "pkg/sub/OWNERS", "main", _none);

        Assert.NotNull(file);
        Assert.Equal(owners, file.Text);
        Assert.Equal("pkg/sub/OWNERS", file.Path);
        Assert.Null(missing);
        Assert.Contains(h.Server.Calls, c => c.Path == "/repos/org/repo/contents/pkg/sub/OWNERS" && c.Query == "?ref=feature");
    }

    [Fact]
    public async Task GetFileContent_AtTheShaOfABranch_FindsTheBranchFiles()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.FakeRepo.WithFile("main", "OWNERS", "approvers: [alice]\n");

        var file = await h.Client.GetFileContentAsync("org", "repo", "OWNERS", "base0001", _none);

        Assert.Equal("approvers: [alice]\n", file?.Text);
    }

    [Fact]
    public async Task GetCommitTreeSha_ReadsTheTreeOfTheCommit()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.FakeRepo.Trees["c1"] = "tree-same";
        h.FakeRepo.Trees["c2"] = "tree-same";

        var first = await h.Client.GetCommitTreeShaAsync("org", "repo", "c1", _none);
        var second = await h.Client.GetCommitTreeShaAsync("org", "repo", "c2", _none);
        var other = await h.Client.GetCommitTreeShaAsync("org", "repo", "c3", _none);

        Assert.Equal(("tree-same", "tree-same"), (first, second));
        Assert.NotEqual("tree-same", other);
        Assert.Contains(h.Server.Calls, c => c.Method == "GET" && c.Path == "/repos/org/repo/git/commits/c1");
    }

    [Fact]
    public async Task GetRefShaAndBranch_ReturnHeadSha()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.FakeRepo.WithBranch("release-1.0", "rel-sha");

        var sha = await h.Client.GetRefShaAsync("org", "repo", "heads/release-1.0", _none);
        var branch = await h.Client.GetBranchAsync("org", "repo", "release-1.0", _none);

        Assert.Equal("rel-sha", sha);
        Assert.Equal(("release-1.0", "rel-sha", false), (branch.Name, branch.Commit.Sha, branch.Protected));
    }

    [Fact]
    public async Task ListBranches_FollowsPages()
    {
        await using var h = await GitHubHarness.StartAsync();
        for (var i = 0; i < 120; i++)
        {
            h.FakeRepo.WithBranch($"b{i:D3}", $"sha{i}");
        }

        var branches = await h.Client.ListBranchesAsync("org", "repo", _none);

        Assert.Equal(121, branches.Count); // with main
        Assert.Contains(branches, b => b is { Name: "b119", Commit.Sha: "sha119" });
        Assert.True(h.Server.CallsTo("GET", "/repos/org/repo/branches").Count >= 2);
    }

    [Fact]
    public async Task BranchProtection_PutGetDelete_RoundTrips()
    {
        await using var h = await GitHubHarness.StartAsync();
        var before = await h.Client.GetBranchProtectionAsync("org", "repo", "main", _none);

        await h.Client.UpdateBranchProtectionAsync("org", "repo", "main", new BranchProtectionRequest
        {
            RequiredStatusChecks = new RequiredStatusChecks { Strict = true, Contexts = ["unit", "tide"] },
            EnforceAdmins = true,
            Restrictions = new BranchRestrictionsRequest { Users = ["prow-bot"], Teams = ["admins"] },
            AllowForcePushes = false,
        }, _none);
        var after = await h.Client.GetBranchProtectionAsync("org", "repo", "main", _none);
        await h.Client.RemoveBranchProtectionAsync("org", "repo", "main", _none);
        var removed = await h.Client.GetBranchProtectionAsync("org", "repo", "main", _none);

        Assert.Null(before);
        Assert.NotNull(after);
        Assert.Equal(["unit", "tide"], after.RequiredStatusChecks!.Contexts);
        Assert.True(after.EnforceAdmins!.Enabled);
        Assert.Null(after.RequiredPullRequestReviews);
        Assert.Equal(["prow-bot"], after.Restrictions!.Users.Select(u => u.Login));
        Assert.Equal(["admins"], after.Restrictions.Teams.Select(t => t.Slug));
        Assert.Null(removed);
    }

    [Fact]
    public async Task UpdateBranchProtection_NullSections_StillSendsRequiredKeys()
    {
        await using var h = await GitHubHarness.StartAsync();

        await h.Client.UpdateBranchProtectionAsync("org", "repo", "main", new BranchProtectionRequest(), _none);

        var body = Assert.Single(h.Server.CallsTo("PUT", "/repos/org/repo/branches/main/protection")).Body;
        Assert.Contains("\"required_status_checks\":null", body, StringComparison.Ordinal);
        Assert.Contains("\"restrictions\":null", body, StringComparison.Ordinal);
        Assert.DoesNotContain("allow_deletions", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collaborators_MembershipAndPermission()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.FakeRepo.Collaborators["alice"] = "maintain";

        var alice = await h.Client.IsCollaboratorAsync("org", "repo", "alice", _none);
        var mallory = await h.Client.IsCollaboratorAsync("org", "repo", "mallory", _none);
        var permission = await h.Client.GetCollaboratorPermissionAsync("org", "repo", "alice", _none);

        Assert.True(alice);
        Assert.False(mallory);
        Assert.Equal(("write", "maintain", "alice"), (permission.Permission, permission.RoleName, permission.User.Login));
    }
}
