namespace Prow.Config.Watching;

/// <summary>How <see cref="ConfigWatcher"/> notices and applies changes.</summary>
public sealed record ConfigWatcherOptions
{
    /// <summary>Treat unknown fields as errors.</summary>
    public bool Strict { get; init; }

    /// <summary>Quiet time after the last file event before reloading (editors write files in bursts).</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How often file stamps are compared, for file systems where events get lost (network mounts, config map symlinks).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The plugins this build carries; every load names the enabled Prow plugins missing from it.</summary>
    public IReadOnlySet<string>? ImplementedPlugins { get; init; }

    /// <summary>What plugins that differ from Prow's do here; every load says it for each entry enabling them.</summary>
    public Func<string, string?>? PluginNotice { get; init; }

    /// <summary>Use FileSystemWatcher events; when false only polling notices changes.</summary>
    public bool UseFileSystemEvents { get; init; } = true;
}
