using Prow.FakeGitHub;
using Prow.Grains.Plugins.Golint;

namespace Prow.Silo.Tests;

/// <summary>The golint plugin's cases, in the manner of Prow's golint test: a golint stand-in on the plugin's PATH, reviews on the fake GitHub.</summary>
public sealed class GolintPluginTests : IDisposable
{
    private const string Repo = PluginHarness.Repo;
    private const string Head = "head1";

    // A new file: every line is added, so line n is at position n.
    private const string Exported = "package bar\n\nfunc Qux() error {\n\treturn nil\n}\n";
    private const string ExportedPatch = "@@ -0,0 +1,5 @@\n+package bar\n+\n+func Qux() error {\n+\treturn nil\n+}";

    private readonly GolintStandIn _golint = GolintStandIn.Create();

    public void Dispose() => _golint.Dispose();

    public static TheoryData<string, string, string, string, string, string> FileCases => new()
    {
        // name, changed file, status, content, patch, the review's summary ("" for no review)
        { "an exported function without a comment: one warning", "qux/qux.go", "added", Exported, ExportedPatch, "1 warning." },
        { "documented: no warnings, still a review", "qux/qux.go", "added", "package bar\n\n// Qux is.\nfunc Qux() error {\n\treturn nil\n}\n", "@@ -0,0 +1,6 @@\n+package bar\n+\n+// Qux is.\n+func Qux() error {\n+\treturn nil\n+}", "0 warnings." },
        { "the problem on an unchanged line: not reported", "qux/qux.go", "modified", Exported, "@@ -3,3 +3,4 @@\n func Qux() error {\n+\t// nothing\n \treturn nil\n }", "0 warnings." },
        { "vendor/: not linted", "vendor/qux/qux.go", "added", Exported, ExportedPatch, "" },
        { "not a Go file: not linted", "qux/qux.txt", "added", Exported, ExportedPatch, "" },
        { "a removed file: not linted", "qux/qux.go", "removed", Exported, ExportedPatch, "" },
        { "a renamed file: not linted", "qux/qux.go", "renamed", Exported, ExportedPatch, "" },
        { "a generated file: not linted", "zz_generated.qux.go", "added", Exported, ExportedPatch, "" },
    };

    [Theory]
    [MemberData(nameof(FileCases))]
    public async Task Lint_ReviewsTheChangedGoFiles(string name, string file, string status, string content, string patch, string summary)
    {
        Assert.NotEmpty(name);
        await using var harness = await PluginHarness.StartAsync();
        var pr = harness.FakeRepo.AddPullRequest(1, "change", "bob", Head);
        pr.Files.Add(new FakeChangedFile(file, 5, 0, status, Patch: patch));
        harness.FakeRepo.WithFile(Head, file, content).WithFile(Head, ".generated_files", "file-prefix zz_generated.\n");

        await harness.RunAsync(Plugin(), "issue_comment", Webhooks.PullRequestComment(Repo, 1, "/lint", "carol"));

        var reviews = harness.GitHub.Issue(Repo, 1).Reviews;
        if (summary.Length == 0)
        {
            Assert.Empty(reviews);
            Assert.Empty(_golint.Runs);
            return;
        }

        var review = Assert.Single(reviews);
        Assert.Equal(("COMMENTED", Head), (review.State, review.CommitId));
        Assert.StartsWith($"@carol: {summary}\n", review.Body, StringComparison.Ordinal);
        Assert.Equal([$"-min_confidence 0.8 {file}"], _golint.Runs);
        var comments = harness.GitHub.Issue(Repo, 1).ReviewComments;
        Assert.Equal(summary == "1 warning." ? [(file, (int?)3, $"Golint: exported function Qux should have comment or be unexported. {GolintPlugin.CommentTag}")] : [],
            comments.Select(c => (c.Path!, c.Position, c.Body)));
    }

    public static TheoryData<string, string, bool, string, bool> CommandCases => new()
    {
        // name, comment, on a pull request, its state, linted
        { "/lint on an open pull request", "/lint", true, "open", true },
        { "/LINT with trailing space", "/LINT  ", true, "open", true },
        { "/lint on a closed pull request: nothing", "/lint", true, "closed", false },
        { "/lint on an issue: nothing", "/lint", false, "open", false },
        { "/lint mid-line: nothing", "please /lint", true, "open", false },
        { "/linter: nothing", "/linter", true, "open", false },
    };

    [Theory]
    [MemberData(nameof(CommandCases))]
    public async Task Command_OnlyOnOpenPullRequests(string name, string body, bool pullRequest, string state, bool linted)
    {
        Assert.NotEmpty(name);
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "bob", Head).Files.Add(new FakeChangedFile("qux.go", 5, Patch: ExportedPatch));
        harness.FakeRepo.WithFile(Head, "qux.go", Exported);
        var json = (pullRequest ? Webhooks.PullRequestComment(Repo, 1, body, "carol") : Webhooks.IssueComment(Repo, 1, body, "carol"))
            .Replace("\"state\":\"open\"", $"\"state\":\"{state}\"", StringComparison.Ordinal);

        await harness.RunAsync(Plugin(), "issue_comment", json);

        Assert.Equal(linted ? 1 : 0, harness.GitHub.Issue(Repo, 1).Reviews.Count);
    }

    [Fact]
    public async Task WarningsCommentedBefore_AreNotRepeated_AndCountAsUnresolved()
    {
        await using var harness = await PluginHarness.StartAsync();
        const string Two = "package bar\n\nfunc Qux() {}\n\nfunc Quux() {}\n";
        harness.FakeRepo.AddPullRequest(1, "change", "bob", Head).Files.Add(new FakeChangedFile("qux.go", 5, Patch: "@@ -0,0 +1,5 @@\n+package bar\n+\n+func Qux() {}\n+\n+func Quux() {}"));
        harness.FakeRepo.WithFile(Head, "qux.go", Two);
        harness.GitHub.Change(Repo, r => r.Issues[1].ReviewComments.Add(
            new FakeComment(900, 1, "k8s-ci-robot", $"Golint: exported function Qux should have comment or be unexported. {GolintPlugin.CommentTag}", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "qux.go", 3)));

        await harness.RunAsync(Plugin(), "issue_comment", Webhooks.PullRequestComment(Repo, 1, "/lint", "carol"));

        Assert.StartsWith("@carol: 1 unresolved warnings and 1 new warnings.\n", Assert.Single(harness.GitHub.Issue(Repo, 1).Reviews).Body, StringComparison.Ordinal);
        var added = harness.GitHub.Issue(Repo, 1).ReviewComments.Where(c => c.Id != 900);
        Assert.Equal([("qux.go", (int?)5)], added.Select(c => (c.Path!, c.Position)));
    }

    [Fact]
    public async Task AFileGolintCannotParse_IsNamedInTheReview()
    {
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "bob", Head).Files.Add(new FakeChangedFile("broken.go", 2, Patch: "@@ -0,0 +1,2 @@\n+package bar\n+SYNTAX ERROR"));
        harness.FakeRepo.WithFile(Head, "broken.go", "package bar\nSYNTAX ERROR\n");

        await harness.RunAsync(Plugin(), "issue_comment", Webhooks.PullRequestComment(Repo, 1, "/lint", "carol"));

        var review = Assert.Single(harness.GitHub.Issue(Repo, 1).Reviews);
        Assert.Contains("0 warnings.", review.Body, StringComparison.Ordinal);
        Assert.Contains("broken.go:2:1: expected declaration, found 'for'", review.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoGolintOnThePath_SaysItCannotLint()
    {
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "bob", Head).Files.Add(new FakeChangedFile("qux.go", 5, Patch: ExportedPatch));
        using var empty = new TempFolder();

        await harness.RunAsync(new GolintPlugin(new GolintBinary(() => empty.Path)), "issue_comment", Webhooks.PullRequestComment(Repo, 1, "/lint", "carol"));

        Assert.Empty(harness.GitHub.Issue(Repo, 1).Reviews);
        Assert.StartsWith("@carol: /lint cannot run here: there is no golint on the PATH", Assert.Single(harness.GitHub.CommentsOn(Repo, 1)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MinimumConfidence_IsPassedToGolint()
    {
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddPullRequest(1, "change", "bob", Head).Files.Add(new FakeChangedFile("qux.go", 5, Patch: ExportedPatch));
        harness.FakeRepo.WithFile(Head, "qux.go", Exported);

        await harness.RunAsync(Plugin(), "issue_comment", Webhooks.PullRequestComment(Repo, 1, "/lint", "carol"), "golint:\n  minimum_confidence: 0.25\n");

        Assert.Equal(["-min_confidence 0.25 qux.go"], _golint.Runs);
    }

    public static TheoryData<string, string, int[], int[]> PatchCases => new()
    {
        // name, patch, added lines, their positions (Prow's AddedLines cases)
        { "a new file", "@@ -0,0 +1,5 @@\n+package bar\n+\n+func Qux() error {\n+   return nil\n+}", [1, 2, 3, 4, 5], [1, 2, 3, 4, 5] },
        { "two hunks", "@@ -1,3 +1,4 @@\n a\n+b\n c\n d\n@@ -10,2 +11,3 @@\n x\n-y\n+y2\n+z", [2, 12, 13], [2, 8, 9] },
        { "only deletions", "@@ -1,3 +0,0 @@\n-such\n-a\n-doge", [], [] },
        { "one line, no lengths", "@@ -0,0 +1 @@\n+wow", [1], [1] },
        { "no newline at the end", "@@ -0,0 +1 @@\n+wow\n\\ No newline at end of file", [1], [1] },
        { "a replaced line", "@@ -1 +1 @@\n-doge\n+wow", [1], [2] },
        { "empty", "", [], [] },
    };

    [Theory]
    [MemberData(nameof(PatchCases))]
    public void AddedLines_MapsLinesToDiffPositions(string name, string patch, int[] lines, int[] positions)
    {
        Assert.NotEmpty(name);
        var added = PatchPositions.AddedLines(patch);
        Assert.Equal(lines.Zip(positions), added.OrderBy(a => a.Key).Select(a => (a.Key, a.Value)));
    }

    [Theory]
    [InlineData("something strange")]
    [InlineData("@@ -a,3 +0,0 @@\n-wow")]
    [InlineData("@@ -1 +1 @@")]
    public void AddedLines_NotADiff_Throws(string patch) => Assert.Throws<FormatException>(() => PatchPositions.AddedLines(patch));

    private GolintPlugin Plugin() => new(new GolintBinary(() => _golint.PathVariable));
}
