namespace Prow.Grains.BuildClusters;

/// <summary>
/// The build clusters this silo can run jobs on, by the name a job's <c>cluster:</c> uses, and the pools: a name
/// standing for several clusters, of which a job gets the healthiest, least loaded one.
/// </summary>
public sealed class BuildClusterRegistry(IEnumerable<IBuildClusterKind> clusters, BuildClusterPools? pools = null)
{
    private readonly Dictionary<string, IBuildClusterKind> _byName = clusters.ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>Every name a job may use: clusters and pools.</summary>
    public IReadOnlyCollection<string> Names => [.. _byName.Keys.Concat(Pools.Keys).Order(StringComparer.Ordinal)];

    public IReadOnlyCollection<IBuildClusterKind> Clusters => _byName.Values;

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Pools { get; } = pools?.Members ?? new Dictionary<string, IReadOnlyList<string>>();

    public IBuildClusterKind? Find(string name) => _byName.GetValueOrDefault(name);
}
