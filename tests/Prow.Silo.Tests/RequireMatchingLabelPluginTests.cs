using Prow.Grains.Plugins.RequireMatchingLabel;
using Prow.TestKit.Time;

namespace Prow.Silo.Tests;

/// <summary>The require-matching-label plugin's cases, in the manner of Prow's require-matching-label_test.go, against the fake GitHub.</summary>
public sealed class RequireMatchingLabelPluginTests
{
    private const string Repo = PluginHarness.Repo;
    private const string SigComment = "Please add a sig label with /sig <name>.";

    private const string Config = """
        require_matching_label:
        - org: org
          repo: repo
          prs: true
          regexp: ^kind/
          missing_label: needs-kind
        - org: org
          issues: true
          regexp: ^sig/
          missing_label: needs-sig
          missing_comment: Please add a sig label with /sig <name>.
        - org: org
          repo: repo
          prs: true
          branch: release-1.0
          regexp: ^priority/
          missing_label: needs-priority
          grace_period: 1s
        - org: other
          prs: true
          issues: true
          regexp: ^area/
          missing_label: needs-area
        """;

    public static TheoryData<string, string, string, string?, string[], string[], TimeSpan[]> PullRequestCases => new()
    {
        // name, action, base branch, label added or removed, labels before, labels after, waits
        { "opened without a kind: needs-kind, after the default grace period", "opened", "main", null, [], ["needs-kind"], [TimeSpan.FromSeconds(5)] },
        { "opened with a kind: nothing to do", "opened", "main", null, ["kind/bug"], ["kind/bug"], [TimeSpan.FromSeconds(5)] },
        { "reopened without a kind: needs-kind", "reopened", "main", null, [], ["needs-kind"], [TimeSpan.FromSeconds(5)] },
        { "a kind added: needs-kind comes off at once", "labeled", "main", "kind/bug", ["needs-kind", "kind/bug"], ["kind/bug"], [] },
        { "the last kind removed: needs-kind goes back on", "unlabeled", "main", "kind/bug", [], ["needs-kind"], [] },
        { "an unrelated label changes nothing", "labeled", "main", "lgtm", ["lgtm"], ["lgtm"], [] },
        { "into the release branch: both entries, the longest grace period", "opened", "release-1.0", null, [], ["needs-kind", "needs-priority"], [TimeSpan.FromSeconds(5)] },
        { "synchronize is not looked at", "synchronize", "main", null, [], [], [] },
    };

    [Theory]
    [MemberData(nameof(PullRequestCases))]
    public async Task PullRequestEvent(string name, string action, string branch, string? label, string[] before, string[] after, TimeSpan[] waits)
    {
        Assert.NotEmpty(name);
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "bob", "head1", baseRef: branch).Labels.AddRange(before);
        var json = Webhooks.PullRequest(action, Repo, 1, "bob", "head1", baseRef: branch, labels: before);
        if (label is not null)
        {
            json = WebhookEdits.Edit(json, e => e["label"] = new System.Text.Json.Nodes.JsonObject { ["name"] = label });
        }

        var clock = new AutoAdvanceTimeProvider();
        await harness.RunAsync(new RequireMatchingLabelPlugin(), "pull_request", json, Config, clock);

        Assert.Equal(after, harness.GitHub.LabelsOn(Repo, 1));
        Assert.Equal(waits, clock.Delays);
        Assert.Empty(harness.GitHub.CommentsOn(Repo, 1));
    }

    public static TheoryData<string, string, string?, string[], string[], bool> IssueCases => new()
    {
        // name, action, label added or removed, labels the event carries, labels after, the bot asks for a sig
        { "issue opened without a sig: needs-sig and the comment", "opened", null, [], ["needs-sig"], true },
        { "issue opened with a sig: nothing", "opened", null, ["sig/node"], ["sig/node"], false },
        { "a sig added: needs-sig comes off", "labeled", "sig/node", ["needs-sig", "sig/node"], ["sig/node"], false },
        { "a kind on an issue is no concern of the pull request entry", "labeled", "kind/bug", ["kind/bug"], ["kind/bug"], false },
    };

    [Theory]
    [MemberData(nameof(IssueCases))]
    public async Task IssueEvent(string name, string action, string? label, string[] labels, string[] after, bool asked)
    {
        Assert.NotEmpty(name);
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddIssue(3, "a bug", "alice").Labels.AddRange(labels);

        await harness.RunAsync(new RequireMatchingLabelPlugin(), "issues", Webhooks.IssueEvent(action, Repo, 3, "a bug", label, labels), Config, new AutoAdvanceTimeProvider());

        Assert.Equal(after, harness.GitHub.LabelsOn(Repo, 3));
        Assert.Equal(asked ? 1 : 0, harness.GitHub.CommentsOn(Repo, 3).Count(c => c.Body.Contains(SigComment, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SigAddedLater_DeletesTheBotsComment()
    {
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddIssue(3, "a bug", "alice");
        await harness.RunAsync(new RequireMatchingLabelPlugin(), "issues", Webhooks.IssueEvent("opened", Repo, 3, "a bug", null), Config, new AutoAdvanceTimeProvider());
        Assert.Single(harness.GitHub.CommentsOn(Repo, 3));
        harness.GitHub.Change(Repo, r => r.Issues[3].Labels.Add("sig/node"));

        await harness.RunAsync(new RequireMatchingLabelPlugin(), "issues", Webhooks.IssueEvent("labeled", Repo, 3, "a bug", "sig/node", "needs-sig", "sig/node"), Config);

        Assert.Equal(["sig/node"], harness.GitHub.LabelsOn(Repo, 3));
        Assert.Empty(harness.GitHub.CommentsOn(Repo, 3));
    }

    [Fact]
    public async Task LabelPutOnDuringTheGracePeriod_IsSeen()
    {
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "bob", "head1");
        var clock = new ActingClock(() => harness.GitHub.Change(Repo, r => r.Issues[1].Labels.Add("kind/feature")));

        await harness.RunAsync(new RequireMatchingLabelPlugin(), "pull_request", Webhooks.PullRequest("opened", Repo, 1, "bob", "head1"), Config, clock);

        Assert.Equal(["kind/feature"], harness.GitHub.LabelsOn(Repo, 1));
    }

    public static TheoryData<string, string, bool, string[]> CommentCases => new()
    {
        // name, comment, on a pull request, labels after
        { "/check-required-labels on a pull request", "/check-required-labels", true, ["needs-kind"] },
        { "/check-required-labels on an issue", "/check-required-labels", false, ["needs-sig"] },
        { "another command does nothing", "/check-labels", true, [] },
    };

    [Theory]
    [MemberData(nameof(CommentCases))]
    public async Task CheckRequiredLabelsComment(string name, string body, bool onPullRequest, string[] after)
    {
        Assert.NotEmpty(name);
        await using var harness = await PluginHarness.StartAsync();
        if (onPullRequest)
        {
            harness.FakeRepo.AddPullRequest(1, "change", "bob", "head1");
        }
        else
        {
            harness.FakeRepo.AddIssue(1, "a bug", "bob");
        }

        var json = onPullRequest ? Webhooks.PullRequestComment(Repo, 1, body, "carol", prAuthor: "bob") : Webhooks.IssueComment(Repo, 1, body, "carol");
        await harness.RunAsync(new RequireMatchingLabelPlugin(), "issue_comment", json, Config, new AutoAdvanceTimeProvider());

        Assert.Equal(after, harness.GitHub.LabelsOn(Repo, 1));
    }

    /// <summary>A clock whose every wait lets something happen (another bot labelling) and then ends at once.</summary>
    private sealed class ActingClock(Action duringWait) : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            duringWait();
            var timer = new Timer(callback, state, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
            return timer;
        }
    }
}
