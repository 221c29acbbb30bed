namespace Prow.Config.Plugins;

/// <summary>Where config-updater puts one file: a config map name, optional key, namespaces and clusters.</summary>
public sealed record ConfigMapSpec(string Name, string? Key, IReadOnlyList<string> Namespaces, IReadOnlyDictionary<string, IReadOnlyList<string>> Clusters, bool? Gzip)
{
    /// <summary>Less common settings (allowed_repos, cluster_groups...), kept raw.</summary>
    public IReadOnlyDictionary<string, object?> Extra { get; init; } = new Dictionary<string, object?>();
}
