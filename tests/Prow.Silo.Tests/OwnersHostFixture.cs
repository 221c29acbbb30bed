namespace Prow.Silo.Tests;

/// <summary>One host per test class (tests of a class use different pull request numbers), started with the OWNERS scenario.</summary>
public abstract class OwnersHostFixture(string plugins, string? extraPluginsYaml = null) : IAsyncLifetime
{
    internal PluginTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await OwnersScenario.StartAsync(plugins, extraPluginsYaml);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
