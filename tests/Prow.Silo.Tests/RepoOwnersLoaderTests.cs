using Microsoft.Extensions.Logging.Abstractions;
using Prow.Clients.GitHub;
using Prow.FakeGitHub;
using Prow.Grains.OwnersFiles;

namespace Prow.Silo.Tests;

/// <summary>OWNERS read through the production GitHub client from the fake: only the relevant files, once per base commit.</summary>
public sealed class RepoOwnersLoaderTests
{
    [Fact]
    public async Task Load_ReadsTheEnclosingOwnersAtTheBaseBranch_OncePerCommit_AndAgainWhenTheBranchMoves()
    {
        await using var gitHub = await FakeGitHubServer.StartAsync();
        var repo = gitHub.State.AddRepo("org/repo").WithBranch("main", "c1")
            .WithFile("main", "OWNERS_ALIASES", "aliases:\n  team: [Alice, bob]\n")
            .WithFile("main", "OWNERS", "approvers: [root]\n")
            .WithFile("main", "a/OWNERS", "approvers: [team]\n")
            .WithFile("main", "elsewhere/OWNERS", "approvers: [nobody-asks]\n");
        using var client = Client(gitHub);
        var loader = new RepoOwnersLoader(NullLogger<RepoOwnersLoader>.Instance);

        var first = await loader.LoadAsync(client, "org", "repo", "main", ["a/b/x.go"], CancellationToken.None);
        var second = await loader.LoadAsync(client, "org", "repo", "main", ["a/b/x.go"], CancellationToken.None);

        Assert.Equal(["alice", "bob", "root"], first.Approvers("a/b/x.go").Order(StringComparer.Ordinal));
        Assert.Equal(["alice", "bob", "root"], second.Approvers("a/b/x.go").Order(StringComparer.Ordinal));
        var contents = gitHub.Calls.Where(c => c.Path.StartsWith("/repos/org/repo/contents/", StringComparison.Ordinal)).Select(c => c.Path["/repos/org/repo/contents/".Length..]).ToList();
        Assert.Equal(["OWNERS", "OWNERS_ALIASES", "a/OWNERS", "a/b/OWNERS"], contents.Order(StringComparer.Ordinal)); // read in parallel: any order, each once

        repo.WithBranch("main", "c2").WithFile("c2", "a/OWNERS", "approvers: [carol]\n");
        var moved = await loader.LoadAsync(client, "org", "repo", "main", ["a/b/x.go"], CancellationToken.None);

        Assert.Equal(["carol"], moved.LeafApprovers("a/b/x.go"));
        Assert.Contains(gitHub.Calls, c => c.Path == "/repos/org/repo/contents/a/OWNERS" && c.Query == "?ref=c2");
    }

    [Fact]
    public async Task Load_WithABrokenOwnersFile_KeepsTheOthers()
    {
        await using var gitHub = await FakeGitHubServer.StartAsync();
        gitHub.State.AddRepo("org/repo").WithBranch("main", "c1")
            .WithFile("main", "OWNERS", "approvers: [root]\n")
            .WithFile("main", "a/OWNERS", "approvers: [unclosed\n  - : :\n");
        using var client = Client(gitHub);

        var owners = await new RepoOwnersLoader(NullLogger<RepoOwnersLoader>.Instance).LoadAsync(client, "org", "repo", "main", ["a/x.go"], CancellationToken.None);

        Assert.Equal(["root"], owners.Approvers("a/x.go"));
    }

    private static GitHubClient Client(FakeGitHubServer gitHub)
    {
        var options = new GitHubClientOptions { Token = "t" };
        options.Endpoints.Add(gitHub.BaseAddress);
        return new GitHubClient(options);
    }
}
