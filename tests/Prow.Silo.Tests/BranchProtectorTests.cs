using Prow.GrainInterfaces.Tide;

namespace Prow.Silo.Tests;

/// <summary>Branch protection from config.yaml applied to the fake GitHub through the production client.</summary>
public sealed class BranchProtectorTests
{
    private const string Config = """
        branch-protection:
          orgs:
            org:
              repos:
                repo:
                  protect: true
                  enforce_admins: true
                  required_status_checks:
                    contexts: [ci/external]
                  branches:
                    old:
                      protect: false
        """;

    private const string Jobs = """
        presubmits:
          org/repo:
          - name: unit
            always_run: true
            branches: [main, release]
            spec: {containers: [{image: alpine, command: ["true"]}]}
        """;

    [Fact]
    public async Task Protection_IsAppliedWhereItDiffers_ThenNothingIsSent()
    {
        await using var host = await StartAsync(dryRun: false);
        var protector = host.Prow.Grains.GetGrain<IBranchProtectorGrain>("branchprotector");

        // The startup reminder may already have done the work; either way each branch is written once.
        await protector.ApplyAsync();

        Assert.Single(host.GitHub.CallsTo("PUT", "/repos/org/repo/branches/main/protection"));
        Assert.Single(host.GitHub.CallsTo("PUT", "/repos/org/repo/branches/release/protection"));
        Assert.Single(host.GitHub.CallsTo("DELETE", "/repos/org/repo/branches/old/protection"));
        var main = Protection(host);
        Assert.Equal("""["ci/external","unit"]""", main!["required_status_checks"]!["contexts"]!.ToJsonString());
        Assert.True(main["enforce_admins"]!.GetValue<bool>());

        var writes = host.GitHub.Writes.Count;
        var again = await protector.ApplyAsync();

        Assert.Empty(again.Updated);
        Assert.Empty(again.Unprotected);
        Assert.Equal(["org/repo@main", "org/repo@old", "org/repo@release"], again.Unchanged.Order());
        Assert.Equal(writes, host.GitHub.Writes.Count);
    }

    [Fact]
    public async Task DryRun_ComputesTheDifference_AndWritesNothing()
    {
        await using var host = await StartAsync(dryRun: true);

        var pass = await host.Prow.Grains.GetGrain<IBranchProtectorGrain>("branchprotector").ApplyAsync();

        Assert.Equal(["org/repo@main", "org/repo@release"], pass.Updated.Order());
        Assert.Empty(host.GitHub.Writes);
        Assert.Null(Protection(host));
    }

    [Fact]
    public async Task OrgLevelProtect_CoversEveryRepositoryGitHubLists_SkipsArchivedAndSecurityForks_AndAppliesExclude()
    {
        // kubernetes-client's section of the kubernetes config verbatim: protect: true for the org, no repository named.
        var section = OrgSection(Path.Combine(RepositoryRoot.Path, "testdata", "conformance", "kubernetes_test-infra", "config.yaml"), "kubernetes-client");
        await using var host = await PluginTestHost.StartAsync(Jobs, "help", configYaml: "branch-protection:\n  orgs:\n    org:\n" + section, seed: r =>
            r.WithBranch("release", "rel0").WithBranch("revert-42-main", "rev0").WithBranch("dependabot/go_modules/x", "dep0").WithBranch("old", "old0"));
        host.GitHub.State.AddRepo("org/other").WithBranch("main", "oth0").WithBranch("copilot/fix", "cop0");
        host.GitHub.State.AddRepo("org/frozen").WithBranch("main", "fro0").Archived = true;
        var fork = host.GitHub.State.AddRepo("org/repo-ghsa-abcd-1234").WithBranch("main", "ghs0");
        fork.Private = true;
        host.GitHub.State.AddRepo("elsewhere/repo").WithBranch("main", "els0");

        var pass = await host.Prow.Grains.GetGrain<IBranchProtectorGrain>("branchprotector").ApplyAsync();

        Assert.Empty(pass.Failed);
        Assert.Equal(["org/other@main", "org/repo@main", "org/repo@old", "org/repo@release"], pass.Updated.Concat(pass.Unchanged).Order());
        var written = host.GitHub.Writes.Select(w => w.Path).Distinct().Order().ToList();
        Assert.Equal(
            ["/repos/org/other/branches/main/protection", "/repos/org/repo/branches/main/protection", "/repos/org/repo/branches/old/protection", "/repos/org/repo/branches/release/protection"],
            written);
        var main = Protection(host);
        Assert.Equal("""["EasyCLA","unit"]""", main!["required_status_checks"]!["contexts"]!.ToJsonString());
    }

    [Fact]
    public async Task IncludePatterns_KeepOnlyTheBranchesTheyMatchOrTheConfigNames_AndUnmanagedReposAreLeftAlone()
    {
        await using var host = await PluginTestHost.StartAsync(Jobs, "help", configYaml: """
            branch-protection:
              orgs:
                org:
                  protect: true
                  include: ['^main$', '^release-']
                  exclude: ['^release-0\.']
                  repos:
                    repo:
                      branches:
                        old:
                          protect: false
                    hands-off:
                      unmanaged: true
            """, seed: r =>
        {
            r.WithBranch("release-1.0", "rel1").WithBranch("release-0.9", "rel09").WithBranch("feature", "fea0").WithBranch("old", "old0");
            r.Protection["old"] = new System.Text.Json.Nodes.JsonObject { ["enforce_admins"] = true };
        });
        host.GitHub.State.AddRepo("org/hands-off").WithBranch("main", "han0");

        var pass = await host.Prow.Grains.GetGrain<IBranchProtectorGrain>("branchprotector").ApplyAsync();

        // An include that matches wins over an exclude, as in Prow; a branch the config names is always looked at.
        Assert.Equal(["org/repo@main", "org/repo@old", "org/repo@release-0.9", "org/repo@release-1.0"], pass.Updated.Concat(pass.Unprotected).Concat(pass.Unchanged).Order());
        Assert.Empty(host.GitHub.CallsTo("PUT", "/repos/org/repo/branches/feature/protection"));
        Assert.Single(host.GitHub.CallsTo("DELETE", "/repos/org/repo/branches/old/protection"));
        Assert.DoesNotContain(host.GitHub.Calls, c => c.Path.StartsWith("/repos/org/hands-off/branches", StringComparison.Ordinal));
    }

    /// <summary>One org's entry under branch-protection.orgs of a real config, its lines as they are (indented for an org key at four spaces).</summary>
    private static string OrgSection(string configPath, string org)
    {
        var lines = File.ReadAllLines(configPath);
        var start = Array.FindIndex(lines, l => l == $"    {org}:") + 1;
        Assert.True(start > 0, $"{org} is not in {configPath}");
        var end = Array.FindIndex(lines, start, l => l.Length > 0 && !l.StartsWith("     ", StringComparison.Ordinal));
        return string.Join('\n', lines[start..end]) + "\n";
    }

    private static System.Text.Json.Nodes.JsonObject? Protection(PluginTestHost host)
    {
        System.Text.Json.Nodes.JsonObject? main = null;
        host.GitHub.Change(PluginTestHost.Repo, r => main = r.Protection.GetValueOrDefault("main")?.DeepClone().AsObject());
        return main;
    }

    private static Task<PluginTestHost> StartAsync(bool dryRun) =>
        PluginTestHost.StartAsync(Jobs, "help", dryRun: dryRun, configYaml: Config, seed: r =>
        {
            r.WithBranch("release", "rel0").WithBranch("old", "old0");
            r.Protection["old"] = new System.Text.Json.Nodes.JsonObject { ["enforce_admins"] = true };
        });
}
