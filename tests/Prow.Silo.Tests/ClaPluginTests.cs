using Prow.FakeGitHub;
using Prow.Grains.Plugins.Cla;
using Prow.TestKit.Time;

namespace Prow.Silo.Tests;

/// <summary>The cla plugin's cases, in the manner of Prow's cla_test.go, against the fake GitHub.</summary>
public sealed class ClaPluginTests
{
    private const string Repo = PluginHarness.Repo;
    private const string Head = "abcdef0123456789";
    private const string OlderCommit = "0123456789abcdef";

    public static TheoryData<string, string, string, string, string[], string[]> StatusCases => new()
    {
        // name, context, state, commit the status is on, labels before, labels after
        { "EasyCLA success: yes", ClaPlugin.Context, "success", Head, [], [ClaPlugin.YesLabel] },
        { "EasyCLA success replaces no", ClaPlugin.Context, "success", Head, [ClaPlugin.NoLabel], [ClaPlugin.YesLabel] },
        { "EasyCLA failure replaces yes", ClaPlugin.Context, "failure", Head, [ClaPlugin.YesLabel], [ClaPlugin.NoLabel] },
        { "EasyCLA error: no", ClaPlugin.Context, "error", Head, [], [ClaPlugin.NoLabel] },
        { "EasyCLA pending changes nothing", ClaPlugin.Context, "pending", Head, [ClaPlugin.YesLabel], [ClaPlugin.YesLabel] },
        { "the older cla/linuxfoundation context is accepted", ClaPlugin.LegacyContext, "success", Head, [ClaPlugin.NoLabel], [ClaPlugin.YesLabel] },
        { "another context is ignored", "ci/test", "failure", Head, [ClaPlugin.YesLabel], [ClaPlugin.YesLabel] },
        { "a status on a commit that is no longer the head is ignored", ClaPlugin.Context, "failure", OlderCommit, [ClaPlugin.YesLabel], [ClaPlugin.YesLabel] },
    };

    [Theory]
    [MemberData(nameof(StatusCases))]
    public async Task StatusEvent_SetsTheClaLabel(string name, string context, string state, string sha, string[] before, string[] after)
    {
        Assert.NotEmpty(name);
        await using var harness = await StartAsync(before);

        await harness.RunAsync(new ClaPlugin(), "status", Webhooks.Status(Repo, sha, context, state), time: new AutoAdvanceTimeProvider());

        Assert.Equal(after, harness.GitHub.LabelsOn(Repo, 1));
    }

    [Fact]
    public async Task StatusEvent_LabelAlreadyRight_WritesNothing()
    {
        await using var harness = await StartAsync([ClaPlugin.YesLabel]);

        await harness.RunAsync(new ClaPlugin(), "status", Webhooks.Status(Repo, Head, ClaPlugin.Context, "success"));

        Assert.Empty(harness.GitHub.Writes);
        Assert.Empty(harness.GitHub.CallsTo("GET", "/repos/org/repo/pulls/1"));
    }

    [Fact]
    public async Task StatusEvent_OnlyOpenPullRequestsOfThatCommit_AreLabelled()
    {
        await using var harness = await StartAsync([]);
        harness.GitHub.Change(Repo, r =>
        {
            r.AddPullRequest(2, "closed one", "bob", Head).State = "closed";
            r.AddPullRequest(3, "another head", "bob", "fedcba9876543210");
        });

        await harness.RunAsync(new ClaPlugin(), "status", Webhooks.Status(Repo, Head, ClaPlugin.Context, "success"));

        Assert.Equal([ClaPlugin.YesLabel], harness.GitHub.LabelsOn(Repo, 1));
        Assert.Empty(harness.GitHub.LabelsOn(Repo, 2));
        Assert.Empty(harness.GitHub.LabelsOn(Repo, 3));
    }

    [Fact]
    public async Task StatusEvent_NoPullRequestFound_SearchesAgainAFewTimes_ThenGivesUp()
    {
        await using var harness = await StartAsync([]);
        var clock = new AutoAdvanceTimeProvider();

        await harness.RunAsync(new ClaPlugin(), "status", Webhooks.Status(Repo, "1111111222222233", ClaPlugin.Context, "success"), time: clock);

        Assert.Equal(5, harness.GitHub.CallsTo("GET", "/search/issues").Count);
        Assert.Equal(4, clock.Delays.Count);
        Assert.Empty(harness.GitHub.Writes);
    }

    public static TheoryData<string, string, (string Context, string State)[], string[], string[]> CommentCases => new()
    {
        // name, comment, statuses on the head, labels before, labels after
        { "/check-cla after EasyCLA passed: yes", "/check-cla", [(ClaPlugin.Context, "success")], [ClaPlugin.NoLabel], [ClaPlugin.YesLabel] },
        { "/check-cla after EasyCLA failed: no", "/check-cla", [(ClaPlugin.Context, "failure")], [], [ClaPlugin.NoLabel] },
        { "/check-cla after an errored check changes nothing", "/check-cla", [(ClaPlugin.Context, "error")], [ClaPlugin.YesLabel], [ClaPlugin.YesLabel] },
        { "/check-cla with no CLA status changes nothing", "/check-cla", [("ci/test", "success")], [], [] },
        { "/check-cla reads the older context too", "/check-cla", [(ClaPlugin.LegacyContext, "success")], [], [ClaPlugin.YesLabel] },
        { "EasyCLA decides when both contexts are there", "/check-cla", [(ClaPlugin.LegacyContext, "success"), (ClaPlugin.Context, "failure")], [], [ClaPlugin.NoLabel] },
        { "a quoted /check-cla is no command", "> /check-cla", [(ClaPlugin.Context, "success")], [], [] },
    };

    [Theory]
    [MemberData(nameof(CommentCases))]
    public async Task CheckClaComment(string name, string body, (string Context, string State)[] statuses, string[] before, string[] after)
    {
        Assert.NotEmpty(name);
        await using var harness = await StartAsync(before);
        harness.GitHub.Change(Repo, r => r.Statuses[Head] = [.. statuses.Reverse().Select((s, i) => new FakeStatus(100 + i, s.State, s.Context, null, null, "easycla", DateTimeOffset.UnixEpoch))]);

        await harness.RunAsync(new ClaPlugin(), "issue_comment", Webhooks.PullRequestComment(Repo, 1, body, "carol", prAuthor: "bob"));

        Assert.Equal(after, harness.GitHub.LabelsOn(Repo, 1));
    }

    [Fact]
    public async Task CheckClaComment_OnAnIssue_DoesNothing()
    {
        await using var harness = await StartAsync([]);
        harness.GitHub.Change(Repo, r => r.AddIssue(7, "an issue", "bob"));

        await harness.RunAsync(new ClaPlugin(), "issue_comment", Webhooks.IssueComment(Repo, 7, "/check-cla", "carol"));

        Assert.Empty(harness.GitHub.Writes);
    }

    private static async Task<PluginHarness> StartAsync(string[] labels)
    {
        var harness = await PluginHarness.StartAsync();
        harness.GitHub.Change(Repo, r =>
        {
            var pr = r.AddPullRequest(1, "change", "bob", Head);
            pr.Commits.AddRange([new FakeCommit(OlderCommit, "first"), new FakeCommit(Head, "second")]);
            pr.Labels.AddRange(labels);
        });
        return harness;
    }
}
