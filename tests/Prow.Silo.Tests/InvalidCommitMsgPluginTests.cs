using Prow.FakeGitHub;
using Prow.Grains.Plugins.InvalidCommitMsg;

namespace Prow.Silo.Tests;

/// <summary>The invalidcommitmsg plugin's cases, in the manner of Prow's invalidcommitmsg_test.go, against the fake GitHub.</summary>
public sealed class InvalidCommitMsgPluginTests
{
    private const string Repo = PluginHarness.Repo;
    private const string Label = InvalidCommitMsgPlugin.Label;

    public static TheoryData<string, string, string, string[], string[], string, bool, string[]> Cases => new()
    {
        // name, action, title, commit messages, labels before, plugins.yaml, labelled after, sections the comment has
        { "clean commits and title: no label, no comment", "opened", "Add a flag", ["Add a flag\n\nMore words."], [], "", false, [] },
        { "fixes #12 in a commit message", "opened", "Add a flag", ["Add a flag\n\nfixes #12"], [], "", true, ["### Invalid commit messages"] },
        { "Closes org/repo#3 across repositories", "synchronize", "Add a flag", ["Closes: kubernetes/website#3"], [], "", true, ["### Invalid commit messages"] },
        { "RESOLVED #4 in capitals", "opened", "Add a flag", ["RESOLVED #4"], [], "", true, ["### Invalid commit messages"] },
        { "a bare #12 mention without a keyword is fine", "opened", "Add a flag", ["Follow-up to #12"], [], "", false, [] },
        { "fixup! commit", "opened", "Add a flag", ["Add a flag", "fixup! Add a flag"], [], "", true, ["### Fixup/amend/squash commits"] },
        { "squash! only counts at the start of the subject", "opened", "Add a flag", ["Add a flag\n\nsquash! later"], [], "", false, [] },
        { "closing keyword in the title", "edited", "Fixes #9: add a flag", ["Add a flag"], [], "", true, ["### Invalid PR title"] },
        { "all three at once: one comment with three sections", "opened", "fix #1", ["fixup! x", "closes #2"], [], "", true, ["### Invalid commit messages", "### Fixup/amend/squash commits", "### Invalid PR title"] },
        { "fixed after a push: the label comes off", "synchronize", "Add a flag", ["Add a flag"], [Label], "", false, [] },
        { "the fixup check disabled for the repo", "opened", "Add a flag", ["fixup! Add a flag"], [], "invalid_commit_msg:\n- repos: [org/repo]\n  checks:\n  - name: fixupPrefix\n    disabled: true\n", false, [] },
        { "the closing check disabled for the org: title and commits pass", "opened", "Fixes #9", ["fixes #12"], [], "invalid_commit_msg:\n- repos: [org]\n  checks:\n  - name: issueClosingKeywords\n    disabled: true\n", false, [] },
        { "labelled: nothing is checked", "labeled", "Fixes #9", ["fixes #12"], [], "", false, [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task PullRequestEvent_LabelsAndExplains(string name, string action, string title, string[] messages, string[] before, string yaml, bool labelled, string[] sections)
    {
        Assert.NotEmpty(name);
        await using var harness = await PluginHarness.StartAsync();
        var pr = harness.FakeRepo.AddPullRequest(1, title, "bob", "head1");
        pr.Commits.AddRange(messages.Select((m, i) => new FakeCommit($"sha{i}abcdef", m, "bob")));
        pr.Labels.AddRange(before);
        var json = WebhookEdits.Edit(Webhooks.PullRequest(action, Repo, 1, "bob", "head1"), e => e["pull_request"]!["title"] = title);

        await harness.RunAsync(new InvalidCommitMsgPlugin(), "pull_request", json, yaml);

        Assert.Equal(labelled ? [Label] : [], harness.GitHub.LabelsOn(Repo, 1));
        var comments = harness.GitHub.CommentsOn(Repo, 1);
        if (sections.Length == 0)
        {
            Assert.Empty(comments);
            return;
        }

        var body = Assert.Single(comments).Body;
        Assert.StartsWith(InvalidCommitMsgPlugin.CommentMarker, body, StringComparison.Ordinal);
        Assert.All(sections, s => Assert.Contains(s, body, StringComparison.Ordinal));
        Assert.Equal(sections.Length, body.Split("### ").Length - 1);
    }

    [Fact]
    public async Task EachCheck_ReplacesTheBotsEarlierComment_IncludingOnesFromBeforeTheMarker()
    {
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddPullRequest(1, "Add a flag", "bob", "head1").Commits.Add(new FakeCommit("abcdef12345", "fixes #1", "bob"));
        harness.GitHub.Change(Repo, r =>
        {
            r.Comments.Add(new FakeComment(501, 1, harness.GitHub.State.BotLogin, "**The list of commits with invalid commit messages**:\n- old", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));
            r.Comments.Add(new FakeComment(502, 1, "bob", "I wrote " + InvalidCommitMsgPlugin.CommentMarker, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));
        });

        await harness.RunAsync(new InvalidCommitMsgPlugin(), "pull_request", Webhooks.PullRequest("opened", Repo, 1, "bob", "head1"));
        await harness.RunAsync(new InvalidCommitMsgPlugin(), "pull_request", Webhooks.PullRequest("synchronize", Repo, 1, "bob", "head1"));

        var comments = harness.GitHub.CommentsOn(Repo, 1);
        Assert.Equal(2, comments.Count);
        Assert.Contains(comments, c => c.Id == 502);
        Assert.Contains("- [abcdef1](https://github.com/org/repo/commits/abcdef12345) fixes #1", comments.Single(c => c.Id != 502).Body, StringComparison.Ordinal);
        Assert.Equal([Label], harness.GitHub.LabelsOn(Repo, 1));
    }
}
