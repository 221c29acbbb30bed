using Prow.FakeGitHub;
using Prow.Grains.Plugins.Heart;

namespace Prow.Silo.Tests;

/// <summary>The heart plugin's cases, in the manner of Prow's heart test: reactions recorded by the fake GitHub.</summary>
public sealed class HeartPluginTests
{
    private const string Repo = PluginHarness.Repo;
    private const string Config = "heart:\n  adorees: [mirandachrist, bob]\n  commentregexp: \"(?i)thank\"\n";

    public static TheoryData<string, string, string, bool, string, bool> CommentCases => new()
    {
        // name, heart config, commenter, on a pull request, comment, reacted to
        { "adoree's matching comment on a pull request: a reaction", Config, "bob", true, "Thanks for this!", true },
        { "second adoree: a reaction", Config, "mirandachrist", true, "thank you", true },
        { "adoree's comment not matching: nothing", Config, "bob", true, "looks odd", false },
        { "someone else's matching comment: nothing", Config, "carol", true, "thanks!", false },
        { "adorees are matched exactly: nothing", Config, "Bob", true, "thanks!", false },
        { "adoree on a plain issue: nothing", Config, "bob", false, "thanks!", false },
        { "commentregexp .* matches anything", "heart:\n  adorees: [bob]\n  commentregexp: \".*\"\n", "bob", true, "lgtm", true },
        { "no commentregexp: nothing", "heart:\n  adorees: [bob]\n", "bob", true, "thanks!", false },
        { "no adorees: nothing", "heart:\n  commentregexp: \".*\"\n", "bob", true, "thanks!", false },
        { "no heart section: nothing", "", "bob", true, "thanks!", false },
    };

    [Theory]
    [MemberData(nameof(CommentCases))]
    public async Task Comment_ByAnAdoree_GetsAReaction(string name, string config, string commenter, bool pullRequest, string body, bool reacted)
    {
        Assert.NotEmpty(name);
        await using var harness = await PluginHarness.StartAsync();
        var commentId = pullRequest ? 101 : 100;
        if (pullRequest)
        {
            harness.FakeRepo.AddPullRequest(1, "change", "alice", "head1");
        }
        else
        {
            harness.FakeRepo.AddIssue(1, "a question", "alice");
        }

        harness.FakeRepo.Comments.Add(new FakeComment(commentId, 1, commenter, body, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));

        await harness.RunAsync(new HeartPlugin(), "issue_comment", pullRequest
            ? Webhooks.PullRequestComment(Repo, 1, body, commenter)
            : Webhooks.IssueComment(Repo, 1, body, commenter), config);

        var reactions = harness.GitHub.ReactionsOnComment(Repo, commentId);
        if (reacted)
        {
            Assert.Contains(Assert.Single(reactions).Content, HeartPlugin.Celebrations);
        }
        else
        {
            Assert.Empty(reactions);
        }

        Assert.Empty(harness.GitHub.ReactionsOn(Repo, 1));
    }

    [Fact]
    public async Task EditedComment_GetsNoReaction()
    {
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "alice", "head1");
        harness.FakeRepo.Comments.Add(new FakeComment(101, 1, "bob", "thanks", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));

        await harness.RunAsync(new HeartPlugin(), "issue_comment",
            Webhooks.PullRequestComment(Repo, 1, "thanks", "bob").Replace("\"created\"", "\"edited\"", StringComparison.Ordinal), Config);

        Assert.Empty(harness.GitHub.ReactionsOnComment(Repo, 101));
    }

    public static TheoryData<string, string, string, int, int, bool> PullRequestCases => new()
    {
        // name, action, changed file, additions, deletions, reacted to
        { "opened, adds a line to OWNERS: a reaction", "opened", "foo/bar/OWNERS", 1, 0, true },
        { "opened, adds to OWNERS_ALIASES: a reaction", "opened", "OWNERS_ALIASES", 3, 1, true },
        { "opened, only deletes from OWNERS: nothing", "opened", "foo/bar/OWNERS", 0, 1, false },
        { "opened, no OWNERS change: nothing", "opened", "foo/bar/foo.go", 1, 0, false },
        { "a file merely named like OWNERS: nothing", "opened", "docs/OWNERS.md", 1, 0, false },
        { "reopened: nothing", "reopened", "foo/bar/OWNERS", 1, 0, false },
        { "synchronize: nothing", "synchronize", "foo/bar/OWNERS", 1, 0, false },
    };

    [Theory]
    [MemberData(nameof(PullRequestCases))]
    public async Task PullRequest_AddingToOwners_GetsAReaction(string name, string action, string file, int additions, int deletions, bool reacted)
    {
        Assert.NotEmpty(name);
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "alice", "head1").Files.Add(new FakeChangedFile(file, additions, deletions));

        await harness.RunAsync(new HeartPlugin(), "pull_request", Webhooks.PullRequest(action, Repo, 1, "alice", "head1"));

        var reactions = harness.GitHub.ReactionsOn(Repo, 1);
        if (reacted)
        {
            Assert.Contains(Assert.Single(reactions).Content, HeartPlugin.Celebrations);
        }
        else
        {
            Assert.Empty(reactions);
        }
    }
}
