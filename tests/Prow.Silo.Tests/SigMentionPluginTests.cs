using Prow.Grains.Plugins.SigMention;

namespace Prow.Silo.Tests;

/// <summary>The sigmention plugin's cases, in the manner of Prow's sigmention test, against the fake GitHub.</summary>
public sealed class SigMentionPluginTests
{
    private const string Repo = PluginHarness.Repo;

    public static TheoryData<string, string, string, string[], string[], string?> Cases => new()
    {
        // name, commenter, comment, labels before, labels after, mentions the bot repeats
        { "no mention: nothing", "stranger", "cc the testing folks", [], [], null },
        { "a member's mention labels, without a repeat", "alice", "@kubernetes/sig-testing-bugs", [], ["kind/bug", "sig/testing"], null },
        { "an outsider's mention labels and is repeated", "stranger", "please look @kubernetes/sig-testing-bugs", [], ["kind/bug", "sig/testing"], "@kubernetes/sig-testing-bugs" },
        { "the repository's spelling of the label is used", "alice", "@kubernetes/sig-node-misc", [], ["sig/Node"], null },
        { "feature-requests: kind/feature", "alice", "@kubernetes/sig-node-feature-requests", [], ["kind/feature", "sig/Node"], null },
        { "api-reviews: kind/api-change", "alice", "@kubernetes/sig-testing-api-reviews", [], ["kind/api-change", "sig/testing"], null },
        { "proposals: kind/design", "alice", "@kubernetes/sig-testing-proposals", [], ["kind/design", "sig/testing"], null },
        { "pr-reviews carries no kind", "alice", "@kubernetes/sig-testing-pr-reviews", [], ["sig/testing"], null },
        { "a SIG the repository has no label for: nothing, not even a repeat", "stranger", "@kubernetes/sig-api-machinery-bugs", [], [], null },
        { "labels already there are not added again", "alice", "@kubernetes/sig-testing-bugs", ["sig/testing", "kind/bug"], ["kind/bug", "sig/testing"], null },
        { "several mentions are repeated together", "stranger", "@kubernetes/sig-testing-misc and @kubernetes/sig-node-bugs", [], ["kind/bug", "sig/Node", "sig/testing"], "@kubernetes/sig-testing-misc, @kubernetes/sig-node-bugs" },
        { "a team outside the pattern: nothing", "alice", "@kubernetes/sig-testing-leads", [], [], null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Mention_LabelsAndRepeatsForOutsiders(string name, string commenter, string body, string[] before, string[] after, string? repeated)
    {
        Assert.NotEmpty(name);
        await using var harness = await StartAsync();
        harness.FakeRepo.AddIssue(1, "flaky test", "bob").Labels.AddRange(before);

        await harness.RunAsync(new SigMentionPlugin(), "issue_comment", Webhooks.IssueComment(Repo, 1, body, commenter));

        Assert.Equal(after.Order(StringComparer.Ordinal), harness.GitHub.LabelsOn(Repo, 1).Order(StringComparer.Ordinal));
        Assert.Equal(after.Length - before.Length, harness.GitHub.CallsTo("POST", "/repos/org/repo/issues/1/labels").Count);
        var comments = harness.GitHub.CommentsOn(Repo, 1);
        if (repeated is null)
        {
            Assert.Empty(comments);
        }
        else
        {
            Assert.StartsWith($"@{commenter}: Reiterating the mentions to trigger a notification: \n{repeated}\n", Assert.Single(comments).Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task BotsOwnComment_IsIgnored()
    {
        await using var harness = await StartAsync();
        harness.FakeRepo.AddIssue(1, "flaky test", "bob");

        await harness.RunAsync(new SigMentionPlugin(), "issue_comment", Webhooks.IssueComment(Repo, 1, "@kubernetes/sig-testing-bugs", harness.GitHub.State.BotLogin));

        Assert.Empty(harness.GitHub.Calls);
    }

    [Fact]
    public async Task ConfiguredRegexp_FindsAnotherOrgsTeams()
    {
        await using var harness = await StartAsync();
        harness.FakeRepo.AddIssue(1, "flaky test", "bob");

        await harness.RunAsync(new SigMentionPlugin(), "issue_comment", Webhooks.IssueComment(Repo, 1, "@kubernetes/sig-node-bugs and @example/sig-testing-bugs", "alice"), "sigmention:\n  regexp: '(?m)@example/sig-([\\w-]*)-(bugs|misc)'\n");

        Assert.Equal(["kind/bug", "sig/testing"], harness.GitHub.LabelsOn(Repo, 1).Order(StringComparer.Ordinal));
    }

    private static async Task<PluginHarness> StartAsync()
    {
        var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.Labels.AddRange(["sig/testing", "sig/Node", "kind/bug"]);
        return harness;
    }
}
