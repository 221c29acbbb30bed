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
