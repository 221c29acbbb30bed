using Prow.FakeGitHub;
using Prow.Grains.Plugins.Dco;

namespace Prow.Silo.Tests;

/// <summary>The dco plugin's cases, in the manner of Prow's dco_test.go, against the fake GitHub.</summary>
public sealed class DcoPluginTests
{
    private const string Repo = PluginHarness.Repo;
    private const string Signed = "Fix the thing\n\nSigned-off-by: Alice <alice@example.com>";
    private const string Unsigned = "Fix the thing";

    public static TheoryData<string, string, FakeCommit[], string[], string, string[], string?, bool> PullRequestCases => new()
    {
        // name, action, commits, labels before, plugins.yaml, labels after, status posted (null: none), bot asks for sign-off
        { "every commit signed off: yes and a success status", "opened", [new("c1", Signed, "alice"), new("c2", Signed, "bob")], [], "", [DcoPlugin.YesLabel], "success", false },
        { "one commit not signed off: no, a failure status and a request", "opened", [new("c1", Signed, "bob"), new("c2", Unsigned, "bob")], [], "", [DcoPlugin.NoLabel], "failure", true },
        { "the trailer is matched case-insensitively on any line", "opened", [new("c1", "Fix\n\nsigned-off-by: Bob <b@example.com>", "bob")], [], "", [DcoPlugin.YesLabel], "success", false },
        { "a trailer in the middle of a line does not count", "opened", [new("c1", "Fix, Signed-off-by: Bob", "bob")], [], "", [DcoPlugin.NoLabel], "failure", true },
        { "merge commits need no sign-off", "synchronize", [new("c1", Signed, "bob"), new("m1", "Merge branch 'main'", "bob", Parents: 2)], [DcoPlugin.NoLabel], "", [DcoPlugin.YesLabel], "success", false },
        { "signed off after a push: no gives way to yes", "synchronize", [new("c1", Signed, "bob")], [DcoPlugin.NoLabel], "", [DcoPlugin.YesLabel], "success", false },
        { "a new unsigned commit: yes gives way to no", "synchronize", [new("c1", Signed, "bob"), new("c2", Unsigned, "bob")], [DcoPlugin.YesLabel], "", [DcoPlugin.NoLabel], "failure", true },
        { "reopened and unsigned: labelled but not asked again", "reopened", [new("c1", Unsigned, "bob")], [], "", [DcoPlugin.NoLabel], "failure", false },
        { "closed: nothing is checked", "closed", [new("c1", Unsigned, "bob")], [], "", [], null, false },
        { "labelled: nothing is checked", "labeled", [new("c1", Unsigned, "bob")], [], "", [], null, false },
        { "skip for members: an org member's unsigned commit passes", "opened", [new("c1", Unsigned, "alice")], [], "dco:\n  org:\n    skip_dco_check_for_members: true\n", [DcoPlugin.YesLabel], "success", false },
        { "skip for members: a collaborator's does not", "opened", [new("c1", Unsigned, "carol")], [], "dco:\n  org:\n    skip_dco_check_for_members: true\n", [DcoPlugin.NoLabel], "failure", true },
        { "skip for collaborators: a collaborator's unsigned commit passes", "opened", [new("c1", Unsigned, "carol")], [], "dco:\n  org/repo:\n    skip_dco_check_for_collaborators: true\n", [DcoPlugin.YesLabel], "success", false },
        { "trusted_org: a member of the trusted org passes", "opened", [new("c1", Unsigned, "dave")], [], "dco:\n  '*':\n    skip_dco_check_for_members: true\n    trusted_org: friends\n", [DcoPlugin.YesLabel], "success", false },
        { "trusted_apps: the app's commits pass", "opened", [new("c1", Unsigned, "renovate[bot]")], [], "dco:\n  org:\n    trusted_apps: [renovate]\n", [DcoPlugin.YesLabel], "success", false },
        { "a commit GitHub ties to no account is never trusted", "opened", [new("c1", Unsigned)], [], "dco:\n  org:\n    skip_dco_check_for_members: true\n", [DcoPlugin.NoLabel], "failure", true },
    };

    [Theory]
    [MemberData(nameof(PullRequestCases))]
    public async Task PullRequestEvent_SetsLabelStatusAndRequest(string name, string action, FakeCommit[] commits, string[] before, string yaml, string[] after, string? status, bool asked)
    {
        Assert.NotEmpty(name);
        await using var harness = await StartAsync();
        var pr = harness.FakeRepo.AddPullRequest(1, "change", "bob", "head1");
        pr.Commits.AddRange(commits);
        pr.Labels.AddRange(before);

        await harness.RunAsync(new DcoPlugin(), "pull_request", Webhooks.PullRequest(action, Repo, 1, "bob", "head1", labels: before), yaml);

        Assert.Equal(after, harness.GitHub.LabelsOn(Repo, 1));
        var posted = harness.GitHub.StatusesFor(Repo, "head1");
        if (status is null)
        {
            Assert.Empty(posted);
        }
        else
        {
            var dco = Assert.Single(posted);
            Assert.Equal((DcoPlugin.ContextName, status), (dco.Context, dco.State));
            Assert.Equal(status == "success" ? DcoPlugin.SucceededDescription : DcoPlugin.FailedDescription, dco.Description);
            Assert.Equal("https://github.com/org/repo/blob/master/CONTRIBUTING.md", dco.TargetUrl);
        }

        var requests = harness.GitHub.CommentsOn(Repo, 1).Where(c => c.Body.Contains(DcoPlugin.RequestOpening, StringComparison.Ordinal)).ToList();
        Assert.Equal(asked ? 1 : 0, requests.Count);
    }

    [Fact]
    public async Task Request_ListsOnlyTheUnsignedCommits_AndLinksTheConfiguredGuide()
    {
        await using var harness = await StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "bob", "head1").Commits.AddRange([new("aaaaaaaaaa1", Signed, "bob"), new("bbbbbbbbbb2", "Second change\n\nbody", "bob")]);
        const string Yaml = "dco:\n  org/repo:\n    contributing_repo: org/community\n    contributing_branch: main\n    contributing_path: docs/dco.md\n";

        await harness.RunAsync(new DcoPlugin(), "pull_request", Webhooks.PullRequest("opened", Repo, 1, "bob", "head1"), Yaml);

        var body = Assert.Single(harness.GitHub.CommentsOn(Repo, 1)).Body;
        Assert.Contains("- [bbbbbbb](https://github.com/org/repo/commits/bbbbbbbbbb2) Second change\n", body, StringComparison.Ordinal);
        Assert.DoesNotContain("aaaaaaa", body, StringComparison.Ordinal);
        Assert.Contains("(https://github.com/org/community/blob/main/docs/dco.md)", body, StringComparison.Ordinal);
        Assert.Equal("https://github.com/org/community/blob/main/docs/dco.md", Assert.Single(harness.GitHub.StatusesFor(Repo, "head1")).TargetUrl);
    }

    [Fact]
    public async Task StatusAlreadyRight_IsNotPostedAgain_AndTheOldRequestIsReplaced()
    {
        await using var harness = await StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "bob", "head1").Commits.Add(new("c1", Unsigned, "bob"));

        await harness.RunAsync(new DcoPlugin(), "pull_request", Webhooks.PullRequest("opened", Repo, 1, "bob", "head1"));
        var first = Assert.Single(harness.GitHub.CommentsOn(Repo, 1));
        await harness.RunAsync(new DcoPlugin(), "pull_request", Webhooks.PullRequest("synchronize", Repo, 1, "bob", "head1"));

        Assert.Single(harness.GitHub.StatusesFor(Repo, "head1"));
        Assert.NotEqual(first.Id, Assert.Single(harness.GitHub.CommentsOn(Repo, 1)).Id);
    }

    [Fact]
    public async Task SignedOffAfterAPush_DeletesTheBotsRequest_ButNotOthersComments()
    {
        await using var harness = await StartAsync();
        var pr = harness.FakeRepo.AddPullRequest(1, "change", "bob", "head1");
        pr.Commits.Add(new("c1", Unsigned, "bob"));
        await harness.RunAsync(new DcoPlugin(), "pull_request", Webhooks.PullRequest("opened", Repo, 1, "bob", "head1"));
        harness.GitHub.Change(Repo, r => r.Comments.Add(new FakeComment(9001, 1, "bob", "Quoting: " + DcoPlugin.RequestOpening, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch)));
        harness.GitHub.Change(Repo, r =>
        {
            r.Issues[1].HeadSha = "head2";
            r.Issues[1].Commits.Clear();
            r.Issues[1].Commits.Add(new("c2", Signed, "bob"));
        });

        await harness.RunAsync(new DcoPlugin(), "pull_request", Webhooks.PullRequest("synchronize", Repo, 1, "bob", "head2"));

        Assert.Equal([9001], harness.GitHub.CommentsOn(Repo, 1).Select(c => c.Id));
        Assert.Equal([DcoPlugin.YesLabel], harness.GitHub.LabelsOn(Repo, 1));
        Assert.Equal("success", Assert.Single(harness.GitHub.StatusesFor(Repo, "head2")).State);
    }

    public static TheoryData<string, string, bool, bool> CommentCases => new()
    {
        // name, comment, on a pull request, checked
        { "/check-dco rechecks", "/check-dco", true, true },
        { "/check-dco among other lines rechecks", "looks fine\n/check-dco", true, true },
        { "a quoted /check-dco is no command", "> /check-dco", true, false },
        { "/check-dco on an issue does nothing", "/check-dco", false, false },
        { "other commands do nothing", "/check-cla", true, false },
    };

    [Theory]
    [MemberData(nameof(CommentCases))]
    public async Task CheckDcoComment(string name, string body, bool onPullRequest, bool checkedAgain)
    {
        Assert.NotEmpty(name);
        await using var harness = await StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "bob", "head1").Commits.Add(new("c1", Signed, "bob"));

        await harness.RunAsync(new DcoPlugin(), "issue_comment", onPullRequest ? Webhooks.PullRequestComment(Repo, 1, body, "carol", prAuthor: "bob") : Webhooks.IssueComment(Repo, 1, body, "carol"));

        Assert.Equal(checkedAgain ? [DcoPlugin.YesLabel] : [], harness.GitHub.LabelsOn(Repo, 1));
        Assert.Equal(checkedAgain ? 1 : 0, harness.GitHub.StatusesFor(Repo, "head1").Count);
    }

    private static async Task<PluginHarness> StartAsync()
    {
        var harness = await PluginHarness.StartAsync();
        harness.GitHub.Change(Repo, r => r.Collaborators["carol"] = "write");
        harness.GitHub.State.Org("friends").Members.Add("dave");
        return harness;
    }
}
