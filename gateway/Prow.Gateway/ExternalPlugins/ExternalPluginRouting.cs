using Prow.Config.Plugins;
using Prow.Services.Configuration;

namespace Prow.Gateway.ExternalPlugins;

/// <summary>
/// Which external plugins a delivery goes to (Prow's hook: those listed for the org or the org/repo whose
/// <c>events</c> name the event, or that list none). A name this build carries runs built in instead and is never forwarded.
/// </summary>
public sealed class ExternalPluginRouting(IConfigSource config, IReadOnlySet<string> builtInPlugins)
{
    public IReadOnlyList<ExternalPlugin> For(string eventName, string? repository)
    {
        if (repository?.Split('/') is not [var org, var repo])
        {
            return [];
        }

        return [.. config.Current.Plugins.ExternalPluginsFor(org, repo)
            .Where(p => !builtInPlugins.Contains(p.Name))
            .Where(p => p.Events.Count == 0 || p.Events.Contains(eventName, StringComparer.Ordinal))];
    }
}
