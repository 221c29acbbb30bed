using Prow.FakeGitHub;
using Prow.Grains.Plugins.ReleaseNote;

namespace Prow.Silo.Tests;

/// <summary>The release-note plugin's cases, in the manner of Prow's releasenote_test.go, against the fake GitHub.</summary>
public sealed class ReleaseNotePluginTests
{
    private const string Repo = PluginHarness.Repo;
    private const string Needed = ReleaseNoteLabels.Needed;

    public static TheoryData<string, string, string[], string[], bool> PullRequestCases => new()
    {
        // name, description, labels before, labels after, whether the bot asks for a note
        { "no release-note block: needs a label, and the bot asks once", "Fixes a bug.", [], [Needed], true },
        { "empty block: needs a label", "```release-note\n\n```", [], [Needed], true },
        { "block says NONE: release-note-none", "```release-note\nNONE\n```", [Needed], [ReleaseNoteLabels.None], false },
        { "a real note: release-note, and the needed label goes", "```release-note\nAdds --frobnicate.\n```", [Needed], [ReleaseNoteLabels.Note], false },
        { "a note mentioning action required: release-note-action-required", "```release-note\nACTION REQUIRED: rename the flag.\n```", [ReleaseNoteLabels.Note], [ReleaseNoteLabels.ActionRequired], false },
        { "the template's heading with a plain fence counts as a block", "**Release note**:\n<!-- write it -->\n```\nAdds a thing.\n```", [], [ReleaseNoteLabels.Note], false },
        { "already labelled needed: not asked again", "nothing", [Needed], [Needed], false },
        { "none by hand and an empty block: stays none", "", [ReleaseNoteLabels.None], [ReleaseNoteLabels.None], false },
        { "kind/deprecation with none in the block: needs a real note", "```release-note\nnone\n```", [ReleaseNoteLabels.Deprecation, ReleaseNoteLabels.None], [ReleaseNoteLabels.Deprecation, Needed], false },
    };

    [Theory]
    [MemberData(nameof(PullRequestCases))]
    public async Task PullRequestOpened_LabelsFromTheDescription(string name, string body, string[] before, string[] after, bool asked)
    {
        Assert.NotEmpty(name);
        await using var harness = await PluginHarness.StartAsync();
        var pr = harness.FakeRepo.AddPullRequest(1, "change", "alice", "sha1", baseRef: "master");
        pr.Labels.AddRange(before);

        await harness.RunAsync(new ReleaseNotePlugin(), "pull_request", WithBody(Webhooks.PullRequest("opened", Repo, 1, "alice", "sha1", baseRef: "master"), body));

        Assert.Equal(after.Order(StringComparer.Ordinal), harness.GitHub.LabelsOn(Repo, 1).Order(StringComparer.Ordinal));
        var requests = harness.GitHub.CommentsOn(Repo, 1).Where(c => c.Body.Contains(ReleaseNotePlugin.NeededMessage("https://git.k8s.io/community/contributors/guide/release-notes.md"), StringComparison.Ordinal));
        Assert.Equal(asked ? 1 : 0, requests.Count());
    }

    [Fact]
    public async Task LabeledWithAnUnrelatedLabel_IsIgnored()
    {
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "alice", "sha1");
        var labeled = WebhookEdits.Edit(Webhooks.PullRequest("labeled", Repo, 1, "alice", "sha1"), e => e["label"] = new System.Text.Json.Nodes.JsonObject { ["name"] = "lgtm" });

        await harness.RunAsync(new ReleaseNotePlugin(), "pull_request", labeled);

        Assert.Empty(harness.GitHub.Writes);
    }

    [Fact]
    public async Task NoteAdded_DeletesTheBotsRequest_AndUsesTheConfiguredGuidelines()
    {
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "alice", "sha1");
        const string Yaml = "release_note:\n  guidelines_url: https://example.com/notes\n";

        await harness.RunAsync(new ReleaseNotePlugin(), "pull_request", Webhooks.PullRequest("opened", Repo, 1, "alice", "sha1"), Yaml);
        Assert.Contains(ReleaseNotePlugin.NeededMessage("https://example.com/notes"), Assert.Single(harness.GitHub.CommentsOn(Repo, 1)).Body, StringComparison.Ordinal);

        await harness.RunAsync(new ReleaseNotePlugin(), "pull_request", WithBody(Webhooks.PullRequest("edited", Repo, 1, "alice", "sha1"), "```release-note\nFaster.\n```"), Yaml);

        Assert.Equal([ReleaseNoteLabels.Note], harness.GitHub.LabelsOn(Repo, 1));
        Assert.Empty(harness.GitHub.CommentsOn(Repo, 1));
    }

    [Fact]
    public async Task CherryPickWhoseParentHasANote_NeedsNone()
    {
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddPullRequest(5, "parent", "alice", "sha5").Labels.Add(ReleaseNoteLabels.Note);
        harness.FakeRepo.AddPullRequest(6, "cherry pick", "alice", "sha6", baseRef: "release-1.30").Labels.Add(Needed);

        await harness.RunAsync(new ReleaseNotePlugin(), "pull_request", WithBody(Webhooks.PullRequest("opened", Repo, 6, "alice", "sha6", baseRef: "release-1.30"), "Cherry pick of #5 on release-1.30."));

        Assert.Empty(harness.GitHub.LabelsOn(Repo, 6));
        Assert.Empty(harness.GitHub.CommentsOn(Repo, 6));
    }

    public static TheoryData<string, string, string, string[], string[], string?> CommentCases => new()
    {
        // name, commenter, description, labels before, labels after, reply
        { "the author sets none", "alice", "", [Needed], [ReleaseNoteLabels.None], null },
        { "an org member sets none", "maintainer", "", [Needed], [ReleaseNoteLabels.None], null },
        { "a stranger is refused", "stranger", "", [Needed], [Needed], "you can only set the release note label to release-note-none if you are the PR author or an org member." },
        { "refused when the description holds a real note", "alice", "```release-note\nA note.\n```", [ReleaseNoteLabels.Note], [ReleaseNoteLabels.Note], "you can only set the release note label to release-note-none if the release-note block in the PR body text is empty or \"none\"." },
        { "refused on a deprecation", "alice", "", [ReleaseNoteLabels.Deprecation, Needed], [ReleaseNoteLabels.Deprecation, Needed], "you can not set the release note label to \"release-note-none\" because the PR has the label \"kind/deprecation\"." },
    };

    [Theory]
    [MemberData(nameof(CommentCases))]
    public async Task ReleaseNoteNoneComment(string name, string commenter, string description, string[] before, string[] after, string? reply)
    {
        Assert.NotEmpty(name);
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "alice", "sha1").Labels.AddRange(before);
        var comment = WebhookEdits.Edit(Webhooks.PullRequestComment(Repo, 1, "/release-note-none", commenter), e =>
        {
            e["issue"]!["body"] = description;
            e["issue"]!["labels"] = new System.Text.Json.Nodes.JsonArray([.. before.Select(l => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject { ["name"] = l })]);
        });

        await harness.RunAsync(new ReleaseNotePlugin(), "issue_comment", comment);

        Assert.Equal(after.Order(StringComparer.Ordinal), harness.GitHub.LabelsOn(Repo, 1).Order(StringComparer.Ordinal));
        if (reply is null)
        {
            Assert.Empty(harness.GitHub.CommentsOn(Repo, 1));
        }
        else
        {
            Assert.Contains($"@{commenter}: {reply}", Assert.Single(harness.GitHub.CommentsOn(Repo, 1)).Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DeprecatedReleaseNoteCommand_AnswersHowToWriteTheBlock()
    {
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "alice", "sha1");

        await harness.RunAsync(new ReleaseNotePlugin(), "issue_comment", Webhooks.PullRequestComment(Repo, 1, "/release-note", "alice"));

        Assert.Contains("have been deprecated", Assert.Single(harness.GitHub.CommentsOn(Repo, 1)).Body, StringComparison.Ordinal);
        Assert.Empty(harness.GitHub.LabelsOn(Repo, 1));
    }

    [Fact]
    public async Task ReleaseNoteEdit_ByAMember_ReplacesTheBlock_ByAStranger_IsRefused()
    {
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "alice", "sha1").Body = "Intro\n```release-note\nold\n```\nOutro";
        string Edit(string who) => WebhookEdits.Edit(Webhooks.PullRequestComment(Repo, 1, "/release-note-edit\r\n```release-note\r\nnew note\r\n```", who), e => e["issue"]!["body"] = "Intro\n```release-note\nold\n```\nOutro");

        await harness.RunAsync(new ReleaseNotePlugin(), "issue_comment", Edit("stranger"));
        Assert.Contains("You must be an org member to edit the release note.", Assert.Single(harness.GitHub.CommentsOn(Repo, 1)).Body, StringComparison.Ordinal);

        await harness.RunAsync(new ReleaseNotePlugin(), "issue_comment", Edit("maintainer"));
        Assert.Equal("Intro\n```release-note\r\nnew note\r\n```\nOutro", harness.GitHub.Issue(Repo, 1).Body);
    }

    private static string WithBody(string pullRequestJson, string body) => WebhookEdits.Edit(pullRequestJson, e => e["pull_request"]!["body"] = body);
}
