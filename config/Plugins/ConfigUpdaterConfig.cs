namespace Prow.Config.Plugins;

/// <summary>The <c>config_updater</c> section: file path (or glob) → config map.</summary>
public sealed record ConfigUpdaterConfig
{
    public static readonly IReadOnlyDictionary<string, ConfigMapSpec> DefaultMaps = new Dictionary<string, ConfigMapSpec>
    {
        ["config/prow/config.yaml"] = new("config", null, [], new Dictionary<string, IReadOnlyList<string>>(), null),
        ["config/prow/plugins.yaml"] = new("plugins", null, [], new Dictionary<string, IReadOnlyList<string>>(), null),
    };

    /// <summary>Defaults to config.yaml and plugins.yaml under config/prow, as in Prow.</summary>
    public IReadOnlyDictionary<string, ConfigMapSpec> Maps { get; init; } = DefaultMaps;

    public bool Gzip { get; init; }

    public IReadOnlyDictionary<string, object?> ClusterGroups { get; init; } = new Dictionary<string, object?>();
}
