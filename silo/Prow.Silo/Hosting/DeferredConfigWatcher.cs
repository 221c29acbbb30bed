using Microsoft.Extensions.Logging;
using Prow.Config;
using Prow.Config.Watching;
using Prow.Grains.Plugins.Framework;

namespace Prow.Silo.Hosting;

/// <summary>Paths already checked at startup; the watcher itself starts once logging exists.</summary>
internal sealed class DeferredConfigWatcher(ConfigPaths paths)
{
    public ConfigWatcher Start(ILogger<ConfigWatcher> logger) => new(paths, logger, new ConfigWatcherOptions { ImplementedPlugins = PluginRegistration.Names, PluginNotice = PluginRegistration.LoadNotice });
}
