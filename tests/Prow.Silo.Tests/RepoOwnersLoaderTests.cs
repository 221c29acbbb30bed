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

        var first = await loader.LoadAsync(client, Snapshot(), "org", "repo", "main", ["a/b/x.go"], CancellationToken.None);
        var second = await loader.LoadAsync(client, Snapshot(), "org", "repo", "main", ["a/b/x.go"], CancellationToken.None);

        Assert.Equal(["alice", "bob", "root"], first.Approvers("a/b/x.go").Order(StringComparer.Ordinal));
        Assert.Equal(["alice", "bob", "root"], second.Approvers("a/b/x.go").Order(StringComparer.Ordinal));
        var contents = gitHub.Calls.Where(c => c.Path.StartsWith("/repos/org/repo/contents/", StringComparison.Ordinal)).Select(c => c.Path["/repos/org/repo/contents/".Length..]).ToList();
        Assert.Equal(["OWNERS", "OWNERS_ALIASES", "a/OWNERS", "a/b/OWNERS"], contents.Order(StringComparer.Ordinal)); // read in parallel: any order, each once

        repo.WithBranch("main", "c2").WithFile("c2", "a/OWNERS", "approvers: [carol]\n");
        var moved = await loader.LoadAsync(client, Snapshot(), "org", "repo", "main", ["a/b/x.go"], CancellationToken.None);

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

        var owners = await new RepoOwnersLoader(NullLogger<RepoOwnersLoader>.Instance).LoadAsync(client, Snapshot(), "org", "repo", "main", ["a/x.go"], CancellationToken.None);

        Assert.Equal(["root"], owners.Approvers("a/x.go"));
    }

    public static TheoryData<string, string, string, string[], string[]> LayoutCases => new()
    {
        // name, config.yaml, plugins.yaml, approvers of pkg/vendor/lib/sub/x.go, the files read
        { "defaults: OWNERS and OWNERS_ALIASES, and vendor/<dir>/<dir> is ignored out of the box", "", "",
            ["pkg-approver", "root"], ["OWNERS", "OWNERS_ALIASES", "pkg/OWNERS", "pkg/vendor/OWNERS", "pkg/vendor/lib/OWNERS"] },
        { "a repo's own file names", "", "owners:\n  filenames:\n    org/repo: {owners: OWNERS.k8s, owners_aliases: ALIASES.k8s}\n",
            ["k8s-pkg", "k8s-root", "k8s-team-member"], ["ALIASES.k8s", "OWNERS.k8s", "pkg/OWNERS.k8s", "pkg/vendor/OWNERS.k8s", "pkg/vendor/lib/OWNERS.k8s"] },
        { "the org's file names apply to its repos; an unnamed aliases file keeps its default name", "", "owners:\n  filenames:\n    org: {owners: OWNERS.k8s}\n",
            ["k8s-pkg", "k8s-root", "k8s-team"], ["OWNERS.k8s", "OWNERS_ALIASES", "pkg/OWNERS.k8s", "pkg/vendor/OWNERS.k8s", "pkg/vendor/lib/OWNERS.k8s"] },
        { "the repo's entry wins over the org's", "", "owners:\n  filenames:\n    org: {owners: NOPE}\n    org/repo: {owners: OWNERS.k8s, owners_aliases: ALIASES.k8s}\n",
            ["k8s-pkg", "k8s-root", "k8s-team-member"], ["ALIASES.k8s", "OWNERS.k8s", "pkg/OWNERS.k8s", "pkg/vendor/OWNERS.k8s", "pkg/vendor/lib/OWNERS.k8s"] },
        { "a default denylist entry ignores the directory and everything below it", "owners_dir_denylist:\n  default: ['^pkg$']\n", "",
            ["root"], ["OWNERS", "OWNERS_ALIASES"] },
        { "a per-repo denylist entry", "owners_dir_denylist:\n  repos:\n    org/repo: ['vendor$']\n", "",
            ["pkg-approver", "root"], ["OWNERS", "OWNERS_ALIASES", "pkg/OWNERS"] },
        { "a per-org denylist entry", "owners_dir_denylist:\n  repos:\n    org: ['lib$']\n", "",
            ["pkg-approver", "root"], ["OWNERS", "OWNERS_ALIASES", "pkg/OWNERS", "pkg/vendor/OWNERS"] },
        { "an entry for another repo does not apply", "owners_dir_denylist:\n  repos:\n    org/other: ['^pkg']\n", "",
            ["pkg-approver", "root"], ["OWNERS", "OWNERS_ALIASES", "pkg/OWNERS", "pkg/vendor/OWNERS", "pkg/vendor/lib/OWNERS"] },
        { "without the preconfigured defaults, vendor/<dir>/<dir> counts", "owners_dir_denylist:\n  ignore_preconfigured_defaults: true\n", "",
            ["lib-approver"], ["OWNERS", "OWNERS_ALIASES", "pkg/OWNERS", "pkg/vendor/OWNERS", "pkg/vendor/lib/OWNERS", "pkg/vendor/lib/sub/OWNERS"] },
    };

    [Theory]
    [MemberData(nameof(LayoutCases))]
    public async Task Load_HonoursOwnersFilenamesAndTheDirDenylist(string name, string configYaml, string pluginsYaml, string[] approvers, string[] read)
    {
        Assert.NotEmpty(name);
        await using var gitHub = await FakeGitHubServer.StartAsync();
        gitHub.State.AddRepo("org/repo").WithBranch("main", "c1")
            .WithFile("main", "OWNERS", "approvers: [root]\n")
            .WithFile("main", "OWNERS_ALIASES", "aliases:\n  team: [team-member]\n")
            .WithFile("main", "pkg/OWNERS", "approvers: [pkg-approver]\n")
            .WithFile("main", "pkg/vendor/lib/sub/OWNERS", "approvers: [lib-approver]\noptions:\n  no_parent_owners: true\n")
            .WithFile("main", "OWNERS.k8s", "approvers: [k8s-root]\n")
            .WithFile("main", "ALIASES.k8s", "aliases:\n  k8s-team: [k8s-team-member]\n")
            .WithFile("main", "pkg/OWNERS.k8s", "approvers: [k8s-pkg, k8s-team]\n");
        using var client = Client(gitHub);

        var owners = await new RepoOwnersLoader(NullLogger<RepoOwnersLoader>.Instance)
            .LoadAsync(client, Snapshot(configYaml, pluginsYaml), "org", "repo", "main", ["pkg/vendor/lib/sub/x.go"], CancellationToken.None);

        Assert.Equal(approvers, owners.Approvers("pkg/vendor/lib/sub/x.go").Order(StringComparer.Ordinal));
        var contents = gitHub.Calls.Where(c => c.Path.StartsWith("/repos/org/repo/contents/", StringComparison.Ordinal)).Select(c => c.Path["/repos/org/repo/contents/".Length..]);
        Assert.Equal(read, contents.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void OwnersDirDenylist_ThatDoesNotCompile_IsAnErrorNamingFileAndLine()
    {
        using var folder = new TempFolder();
        var config = Path.Combine(folder.Path, "config.yaml");
        File.WriteAllText(config, "owners_dir_denylist:\n  default:\n  - ok$\n  - '(unclosed'\n");

        var loaded = Prow.Config.ConfigLoader.Load(new Prow.Config.ConfigPaths(config));

        Assert.False(loaded.Succeeded);
        var problem = Assert.Single(loaded.Errors);
        Assert.Equal((config, 4, "owners_dir_denylist.default[1]"), (problem.File, problem.Line, problem.Field));
        Assert.StartsWith("invalid regex (unclosed", problem.Message, StringComparison.Ordinal);
    }

    /// <summary>A configuration loaded from the given config.yaml and plugins.yaml, as prow loads it.</summary>
    internal static Prow.Config.ConfigSnapshot Snapshot(string configYaml = "", string pluginsYaml = "")
    {
        using var folder = new TempFolder();
        var config = Path.Combine(folder.Path, "config.yaml");
        var plugins = Path.Combine(folder.Path, "plugins.yaml");
        File.WriteAllText(config, configYaml);
        File.WriteAllText(plugins, pluginsYaml);
        var loaded = Prow.Config.ConfigLoader.Load(new Prow.Config.ConfigPaths(configYaml.Length > 0 ? config : null, null, pluginsYaml.Length > 0 ? plugins : null));
        Assert.True(loaded.Succeeded, string.Join('\n', loaded.Problems));
        return loaded.Snapshot!;
    }

    private static GitHubClient Client(FakeGitHubServer gitHub)
    {
        var options = new GitHubClientOptions { Token = "t" };
        options.Endpoints.Add(gitHub.BaseAddress);
        return new GitHubClient(options);
    }
}
