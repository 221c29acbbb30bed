namespace Prow.Grains.BuildClusters;

/// <summary>The build clusters this silo can run jobs on, by the name a job's <c>cluster:</c> uses.</summary>
public sealed class BuildClusterRegistry(IEnumerable<IBuildClusterKind> clusters)
{
    private readonly Dictionary<string, IBuildClusterKind> _byName = clusters.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _byName.Keys;

    public IBuildClusterKind? Find(string name) => _byName.GetValueOrDefault(name);
}
