namespace Prow.Grains.BuildClusters;

/// <summary>Picks a pool member for a job: the clusters that answer first, then the lowest share of capacity in use or queued, then the name.</summary>
public static class BuildClusterChooser
{
    public static string Choose(IEnumerable<(BuildClusterView View, bool Available)> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        return members
            .OrderBy(m => m.Available ? 0 : 1)
            .ThenBy(m => (m.View.Running.Count + m.View.Queued.Count) / (double)Math.Max(1, m.View.Capacity))
            .ThenBy(m => m.View.Name, StringComparer.Ordinal)
            .First().View.Name;
    }
}
