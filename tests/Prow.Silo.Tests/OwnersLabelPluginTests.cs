using Prow.FakeGitHub;
using Prow.Grains.OwnersFiles;
using Prow.Grains.Plugins.OwnersLabel;

namespace Prow.Silo.Tests;

/// <summary>The owners-label plugin's cases, in the manner of Prow's owners-label_test.go, against the fake GitHub.</summary>
public sealed class OwnersLabelPluginTests
{
    private const string Repo = PluginHarness.Repo;

    public static TheoryData<string, string, string[], string[], string[]> Cases => new()
    {
        // name, action, changed files, labels before, labels after
        { "a file under a directory whose OWNERS has labels gets them", "opened", ["pkg/api/types.go"], [], ["area/api", "sig/api", "sig/root"] },
        { "labels of every enclosing directory apply", "synchronize", ["pkg/api/v1/types.go"], [], ["area/api", "api/v1", "sig/api", "sig/root"] },
        { "root OWNERS labels apply to every file", "opened", ["README.md"], [], ["sig/root"] },
        { "a label the repository does not define is skipped", "opened", ["docs/intro.md"], [], ["area/docs", "sig/root"] },
        { "labels already on the pull request are not added again", "reopened", ["pkg/api/types.go"], ["area/api"], ["area/api", "sig/api", "sig/root"] },
        { "labels are never taken off", "opened", ["README.md"], ["area/api"], ["area/api", "sig/root"] },
        { "an edit is not a reason to label", "edited", ["pkg/api/types.go"], [], [] },
        { "several files add the union of their labels", "opened", ["pkg/api/types.go", "docs/intro.md"], [], ["area/api", "area/docs", "sig/api", "sig/root"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task PullRequest_LabelsFromOwnersFiles(string name, string action, string[] files, string[] before, string[] after)
    {
        Assert.NotEmpty(name);
        await using var harness = await PluginHarness.StartAsync();
        var (github, repo) = (harness.GitHub, harness.FakeRepo);
        github.Change(Repo, r =>
        {
            r.WithFile("main", "OWNERS", "approvers: [alice]\nlabels: [sig/root]\n")
                .WithFile("main", "pkg/api/OWNERS", "approvers: [bob]\nlabels: [area/api, sig/api]\n")
                .WithFile("main", "pkg/api/v1/OWNERS", "approvers: [carol]\nlabels: [api/v1]\n")
                .WithFile("main", "docs/OWNERS", "approvers: [dan]\nlabels: [area/docs, not-a-repo-label]\n");
            r.Labels.AddRange(["sig/root", "area/api", "sig/api", "api/v1", "area/docs"]);
            var pr = r.AddPullRequest(1, "change", "alice", "sha1");
            pr.Files.AddRange(files.Select(f => new FakeChangedFile(f)));
            pr.Labels.AddRange(before);
        });

        await harness.RunAsync(Plugin(), "pull_request", Webhooks.PullRequest(action, Repo, 1, "alice", "sha1"));

        Assert.Equal(after.Order(StringComparer.Ordinal), github.LabelsOn(Repo, 1).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task NoLabelsWanted_AsksForNoRepositoryLabels()
    {
        await using var harness = await PluginHarness.StartAsync();
        harness.GitHub.Change(Repo, r =>
        {
            r.WithFile("main", "OWNERS", "approvers: [alice]\n");
            r.AddPullRequest(1, "change", "alice", "sha1").Files.Add(new FakeChangedFile("main.go"));
        });

        await harness.RunAsync(Plugin(), "pull_request", Webhooks.PullRequest("opened", Repo, 1, "alice", "sha1"));

        Assert.Empty(harness.GitHub.CallsTo("GET", "/repos/org/repo/labels"));
        Assert.Empty(harness.GitHub.Writes);
    }

    private static OwnersLabelPlugin Plugin() => new(new RepoOwnersLoader(Microsoft.Extensions.Logging.Abstractions.NullLogger<RepoOwnersLoader>.Instance));
}
