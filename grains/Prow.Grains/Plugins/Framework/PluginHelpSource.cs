using Prow.Config;

namespace Prow.Grains.Plugins.Framework;

/// <summary>Builds <c>/plugin-help.js</c> from the plugins this build has and the configuration in force.</summary>
public sealed class PluginHelpSource(PluginRegistry registry) : IPluginHelpSource
{
    /// <summary>Help for every plugin enabled somewhere in the configuration.</summary>
    public PluginHelpDocument Build(ConfigSnapshot config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var plugins = config.Plugins;
        var repoPlugins = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [""] = [.. registry.All.Select(p => p.Name).Order(StringComparer.Ordinal)],
        };
        foreach (var (scope, entry) in plugins.Plugins)
        {
            repoPlugins[scope] = entry.Plugins;
        }

        var enabledIn = plugins.Plugins
            .SelectMany(p => p.Value.Plugins.Select(name => (Name: name, Scope: p.Key)))
            .GroupBy(x => x.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(x => x.Scope).Order(StringComparer.Ordinal)], StringComparer.Ordinal);
        var help = new SortedDictionary<string, PluginHelp>(StringComparer.Ordinal);
        foreach (var (name, scopes) in enabledIn)
        {
            if (registry.Find(name) is { } plugin)
            {
                help[name] = plugin.Help(new PluginHelpContext(config, scopes));
            }
        }

        var repos = new SortedSet<string>(StringComparer.Ordinal);
        repos.UnionWith(config.Jobs.Presubmits.Keys);
        repos.UnionWith(config.Jobs.Postsubmits.Keys);
        repos.UnionWith(plugins.Plugins.Keys.Where(k => k.Contains('/', StringComparison.Ordinal)));

        return new PluginHelpDocument(
            [.. repos],
            repoPlugins,
            plugins.ExternalPlugins.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)[.. e.Value.Select(p => p.Name)], StringComparer.Ordinal),
            help,
            new Dictionary<string, PluginHelp>());
    }
}
