using Prow.Config.Components;
using Prow.Config.Jobs;
using Prow.Config.Plugins;

namespace Prow.Config;

/// <summary>One immutable, validated load of all configuration.</summary>
/// <param name="Fingerprint">SHA-256 over every file's path and content, to tell whether anything changed.</param>
public sealed record ConfigSnapshot(
    ProwConfig Prow,
    JobConfig Jobs,
    PluginsConfig Plugins,
    DateTimeOffset LoadedAt,
    string Fingerprint,
    ConfigPaths Paths);
