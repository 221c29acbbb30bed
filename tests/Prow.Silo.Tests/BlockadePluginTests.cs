using Prow.FakeGitHub;
using Prow.Grains.Plugins.Blockade;

namespace Prow.Silo.Tests;

/// <summary>The blockade plugin's cases, in the manner of Prow's blockade_test.go, against the fake GitHub.</summary>
public sealed class BlockadePluginTests
{
    private const string Repo = PluginHarness.Repo;
    private const string Label = BlockadePlugin.Label;

    private const string Blockades = """
        blockades:
        - repos: [org/repo]
          blockregexps: ["^docs/", "^hack/"]
          exceptionregexps: ["^docs/README\\.md$"]
          explanation: "docs moved elsewhere"
        - repos: [org]
          blockregexps: ["^vendor/"]
        - repos: [org/repo]
          branchregexp: "^release-"
          blockregexps: ["^api/"]
          explanation: "the API is frozen on release branches"
        - repos: [other/repo]
          blockregexps: [".*"]
        """;

    public static TheoryData<string, string, string, string[], string[], string[], string[]> Cases => new()
    {
        // name, action, base branch, changed files, labels before, labels after, explanations the comment gives
        { "no protected file: nothing happens", "opened", "main", ["src/main.go"], [], [], [] },
        { "a blocked path: labelled with its explanation", "opened", "main", ["docs/guide.md", "src/main.go"], [], [Label], ["[docs moved elsewhere]"] },
        { "an exception is not blocked", "opened", "main", ["docs/README.md"], [], [], [] },
        { "an org-wide blockade without explanation says files are protected", "synchronize", "main", ["vendor/x/y.go"], [], [Label], ["[Files are protected]"] },
        { "two blockades: both reasons", "opened", "main", ["hack/run.sh", "vendor/a.go"], [], [Label], ["[docs moved elsewhere]", "[Files are protected]"] },
        { "a branch blockade applies on a matching branch", "opened", "release-1.2", ["api/types.go"], [], [Label], ["[the API is frozen on release branches]"] },
        { "a branch blockade does not apply elsewhere", "opened", "main", ["api/types.go"], [], [], [] },
        { "another repository's blockade does not apply", "opened", "main", ["anything.txt"], [], [], [] },
        { "already labelled and still blocked: not said twice", "synchronize", "main", ["docs/a.md"], [Label], [Label], [] },
        { "unblocked after a push: the label comes off", "synchronize", "main", ["src/main.go"], [Label], [], [] },
        { "edited: not checked", "edited", "main", ["docs/a.md"], [], [], [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task PullRequestEvent_BlocksProtectedPaths(string name, string action, string branch, string[] files, string[] before, string[] after, string[] reasons)
    {
        Assert.NotEmpty(name);
        await using var harness = await PluginHarness.StartAsync();
        var pr = harness.FakeRepo.AddPullRequest(1, "change", "bob", "head1", baseRef: branch);
        pr.Files.AddRange(files.Select(f => new FakeChangedFile(f)));
        pr.Labels.AddRange(before);

        await harness.RunAsync(new BlockadePlugin(), "pull_request", Webhooks.PullRequest(action, Repo, 1, "bob", "head1", baseRef: branch, labels: before), Blockades);

        Assert.Equal(after, harness.GitHub.LabelsOn(Repo, 1));
        var comments = harness.GitHub.CommentsOn(Repo, 1);
        if (reasons.Length == 0)
        {
            Assert.Empty(comments);
            return;
        }

        var body = Assert.Single(comments).Body;
        Assert.StartsWith($"@bob: {BlockadePlugin.Notice}", body, StringComparison.Ordinal);
        Assert.All(reasons, r => Assert.Contains(r, body, StringComparison.Ordinal));
        Assert.All(files.Where(f => !f.StartsWith("src/", StringComparison.Ordinal)), f => Assert.Contains($"- [{f}](https://github.com/org/repo/blob/head1/{f})", body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoBlockadeForTheRepo_AndNoLabel_ReadsNoFiles()
    {
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "bob", "head1").Files.Add(new FakeChangedFile("docs/a.md"));

        await harness.RunAsync(new BlockadePlugin(), "pull_request", Webhooks.PullRequest("opened", Repo, 1, "bob", "head1"));

        Assert.Empty(harness.GitHub.CallsTo("GET", "/repos/org/repo/pulls/1/files"));
        Assert.Empty(harness.GitHub.Writes);
    }

    [Fact]
    public async Task Unblocked_DeletesTheBotsComment_ButNotOthers()
    {
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "bob", "head1").Files.Add(new FakeChangedFile("docs/a.md"));
        await harness.RunAsync(new BlockadePlugin(), "pull_request", Webhooks.PullRequest("opened", Repo, 1, "bob", "head1"), Blockades);
        harness.GitHub.Change(Repo, r =>
        {
            r.Comments.Add(new FakeComment(9001, 1, "bob", "Why? " + BlockadePlugin.Notice, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));
            r.Issues[1].Files.Clear();
            r.Issues[1].Files.Add(new FakeChangedFile("src/a.go"));
        });

        await harness.RunAsync(new BlockadePlugin(), "pull_request", Webhooks.PullRequest("synchronize", Repo, 1, "bob", "head2"), Blockades);

        Assert.Empty(harness.GitHub.LabelsOn(Repo, 1));
        Assert.Equal([9001], harness.GitHub.CommentsOn(Repo, 1).Select(c => c.Id));
    }
}
