using Microsoft.Extensions.DependencyInjection;
using Prow.Config;
using Prow.Config.Plugins;
using Prow.Grains.Plugins.Framework;
using Prow.Silo.Cli;
using Prow.TestKit;

namespace Prow.Silo.Tests;

/// <summary>Nothing in plugins.yaml is skipped silently: unknown names and Prow plugins not built here are refused.</summary>
public sealed class PluginNamesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Corpora => new(["kubernetes_test-infra", "kubevirt_project-infra", "kyma-project_test-infra", "kyma-project_test-infra/final-before-removal", "kubernetes-sigs_prow"]);

    [Fact]
    public void RegisteredNames_AreExactlyThePluginsTheHostCarries_AndAllAreProwNames()
    {
        var services = new ServiceCollection().AddLogging().AddPlugins();
        var registry = services.BuildServiceProvider().GetRequiredService<PluginRegistry>();

        Assert.Equal(PluginRegistration.Names.Order(StringComparer.Ordinal), registry.All.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Subset(KnownPlugins.Names.ToHashSet(), PluginRegistration.Names.ToHashSet());
        Assert.Equal(["bugzilla", "buildifier", "jira", "project-manager", "rifle"], KnownPlugins.Names.Except(PluginRegistration.Names).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Corpora))]
    public void EveryPluginTheConformanceCorporaEnable_ResolvesToAnImplementation(string corpus)
    {
        var plugins = Path.Combine(RepositoryRoot.Path, "testdata", "conformance", corpus, "plugins.yaml");
        var loaded = ConfigLoader.Load(new ConfigPaths(null, null, plugins));
        Assert.True(loaded.Succeeded, string.Join('\n', loaded.Problems));
        var registry = new ServiceCollection().AddLogging().AddPlugins().BuildServiceProvider().GetRequiredService<PluginRegistry>();

        var enabled = loaded.Snapshot!.Plugins.Plugins.SelectMany(e => e.Value.Plugins).Distinct(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(enabled);
        Assert.All(enabled, name => Assert.True(registry.Find(name) is not null, $"{corpus}: {name} has no implementation"));
    }

    [Fact]
    public async Task CheckConfig_APluginNotImplementedHere_ExitsNonZeroNamingFileAndLine()
    {
        var plugins = Path.Combine(_folder.Path, "plugins.yaml");
        await File.WriteAllTextAsync(plugins, "plugins:\n  org:\n    plugins:\n    - trigger\n  org/repo:\n    plugins:\n    - buildifier\n");

        var (exit, _, error) = await RunAsync("check-config", "--plugin-config", plugins);

        Assert.Equal(1, exit);
        Assert.Contains($"{plugins}:7: plugins.org/repo: plugin buildifier is a Prow plugin this build does not implement", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConfig_NoSuchPlugin_ExitsNonZeroNamingFileAndLine()
    {
        var plugins = Path.Combine(_folder.Path, "plugins.yaml");
        await File.WriteAllTextAsync(plugins, "plugins:\n  org:\n    plugins:\n    - trigger\n    - no-such-plugin\n");

        var (exit, _, error) = await RunAsync("check-config", "--plugin-config", plugins);

        Assert.Equal(1, exit);
        Assert.Contains($"{plugins}:5: plugins.org: unknown plugin: no-such-plugin", error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Corpora))]
    public async Task CheckConfig_ConformanceCorpus_ExitsZero(string corpus)
    {
        var folder = Path.Combine(RepositoryRoot.Path, "testdata", "conformance", corpus);
        var config = Path.Combine(folder, "config.yaml");
        var plugins = Path.Combine(folder, "plugins.yaml");

        var (exit, _, error) = await RunAsync("check-config", "--config-path", config, "--plugin-config", plugins);

        Assert.True(exit == 0, error);
        Assert.DoesNotContain("does not implement", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConfig_ExternalPluginBuiltInHere_IsSaidOnce()
    {
        var folder = Path.Combine(RepositoryRoot.Path, "testdata", "conformance", "kubernetes_test-infra");

        var (exit, _, error) = await RunAsync("check-config", "--plugin-config", Path.Combine(folder, "plugins.yaml"));

        Assert.True(exit == 0, error);
        var line = Assert.Single(error.Split('\n'), l => l.Contains("external plugin needs-rebase is built into this build", StringComparison.Ordinal));
        Assert.Contains("nothing is forwarded to", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithAnUnknownPlugin_RefusesToStartNamingIt()
    {
        var plugins = Path.Combine(_folder.Path, "plugins.yaml");
        await File.WriteAllTextAsync(plugins, "plugins:\n  org: [trigger, no-such-plugin]\n");

        var (exit, _, error) = await RunAsync("run", "--storage", "memory:", "--urls", "http://127.0.0.1:0", "--plugin-config", plugins);

        Assert.Equal(1, exit);
        Assert.StartsWith("prow: the configuration is invalid:", error, StringComparison.Ordinal);
        Assert.Contains($"{plugins}:2: plugins.org: unknown plugin: no-such-plugin", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithAPluginNotImplementedHere_RefusesToStartNamingIt()
    {
        var plugins = Path.Combine(_folder.Path, "plugins.yaml");
        await File.WriteAllTextAsync(plugins, "plugins:\n  org: [trigger, rifle]\n");

        var (exit, _, error) = await RunAsync("run", "--storage", "memory:", "--urls", "http://127.0.0.1:0", "--plugin-config", plugins);

        Assert.Equal(1, exit);
        Assert.Contains($"{plugins}:2: plugins.org: plugin rifle is a Prow plugin this build does not implement", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunningProw_KeepsTheLastGoodConfig_OnAnUnknownOrUnimplementedName()
    {
        var plugins = Path.Combine(_folder.Path, "plugins.yaml");
        await File.WriteAllTextAsync(plugins, "plugins:\n  org: [trigger]\n");
        await using var prow = await ProwProcess.StartAsync(_folder.Path, "--plugin-config", plugins);

        await File.WriteAllTextAsync(plugins, "plugins:\n  org: [trigger, no-such-plugin]\n");
        await Poll.UntilAsync(() => prow.Output.Any(l => l.Contains($"{plugins}:2: plugins.org: unknown plugin: no-such-plugin", StringComparison.Ordinal)));
        await File.WriteAllTextAsync(plugins, "plugins:\n  org: [trigger, jira]\n");
        await Poll.UntilAsync(() => prow.Output.Any(l => l.Contains($"{plugins}:2: plugins.org: plugin jira is a Prow plugin this build does not implement", StringComparison.Ordinal)));

        Assert.True(prow.Output.Count(l => l.Contains("keeping the last good config", StringComparison.Ordinal)) >= 2);
        Assert.True((await prow.Client.GetAsync("/healthz")).IsSuccessStatusCode);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ProwCommandLine.InvokeAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
