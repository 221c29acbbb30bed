using Prow.Config;
using Prow.Config.Components;
using Prow.Config.Jobs;
using Prow.Config.Plugins;

namespace Prow.Services.Configuration;

/// <summary>A fixed snapshot: for a silo started without configuration files, and for tests.</summary>
public sealed class StaticConfigSource(ConfigSnapshot snapshot) : IConfigSource
{
    public static ConfigSnapshot EmptySnapshot { get; } =
        new(new ProwConfig(), JobConfig.Empty, PluginsConfig.Empty, DateTimeOffset.UnixEpoch, "empty", new ConfigPaths(null));

    public ConfigSnapshot Current { get; } = snapshot;
}
