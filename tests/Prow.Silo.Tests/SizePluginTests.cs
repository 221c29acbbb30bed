using Prow.FakeGitHub;

namespace Prow.Silo.Tests;

public sealed class SizePluginTests
{
    private const string Repo = PluginTestHost.Repo;

    private const string GeneratedFiles = """
        # generated code does not count
        file-name zz_generated.deepcopy.go
        file-prefix zz_generated.
        path-prefix vendor/
        paths-from-repo docs/.generated_docs
        """;

    [Fact]
    public async Task Size_CountsAdditionsAndDeletions_LeavingOutGeneratedFilesAndLinguistGenerated_AndReplacesTheOldSizeLabel()
    {
        await using var host = await PluginTestHost.StartAsync("", "size");
        host.FakeRepo.WithFile("base0000", ".generated_files", GeneratedFiles).WithFile("base0000", "docs/.generated_docs", "docs/api.md\n")
            .WithFile("base0000", ".gitattributes", "*.pb.go linguist-generated=true\n");
        var pr = host.FakeRepo.AddPullRequest(1, "change", "alice", "sha1");
        pr.Labels.Add("size/XS");
        pr.Files.AddRange([
            new FakeChangedFile("pkg/server.go", Additions: 30, Deletions: 5),
            new FakeChangedFile("pkg/api/zz_generated.deepcopy.go", Additions: 3000),
            new FakeChangedFile("pkg/zz_generated.conversion.go", Additions: 800),
            new FakeChangedFile("vendor/github.com/x/y.go", Additions: 900, Deletions: 100),
            new FakeChangedFile("docs/api.md", Additions: 700),
            new FakeChangedFile("pkg/api/types.pb.go", Additions: 1200),
        ]);

        await host.SendAsync("pull_request", Webhooks.PullRequest("opened", Repo, 1, "alice", "sha1"), pullRequest: 1);

        Assert.Equal(["size/M"], host.GitHub.LabelsOn(Repo, 1));

        pr.Files.Add(new FakeChangedFile("pkg/client.go", Additions: 40, Deletions: 40));
        await host.SendAsync("pull_request", Webhooks.PullRequest("synchronize", Repo, 1, "alice", "sha2"), pullRequest: 1);

        Assert.Equal(["size/L"], host.GitHub.LabelsOn(Repo, 1));
    }

    [Fact]
    public async Task Size_UsesTheConfiguredThresholds_AndCountsEverythingWithoutGeneratedFiles()
    {
        await using var host = await PluginTestHost.StartAsync("", "size", extraPluginsYaml: "size: {s: 2, m: 4, l: 6, xl: 8, xxl: 10}\n");
        var pr = host.FakeRepo.AddPullRequest(2, "change", "alice", "sha1");
        pr.Files.AddRange([new FakeChangedFile("vendor/a.go", Additions: 3), new FakeChangedFile("zz_generated.go", Additions: 1, Deletions: 1)]);

        await host.SendAsync("pull_request", Webhooks.PullRequest("opened", Repo, 2, "alice", "sha1"), pullRequest: 2);

        Assert.Equal(["size/M"], host.GitHub.LabelsOn(Repo, 2));
        Assert.Single(host.GitHub.Writes);
    }
}
