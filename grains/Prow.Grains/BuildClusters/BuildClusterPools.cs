namespace Prow.Grains.BuildClusters;

/// <summary>
/// Cluster pools (<c>--cluster-pool NAME=a,b</c>; not in Prow): a job whose <c>cluster:</c> names a pool runs on the
/// member that answers and has the most room when the job is created.
/// </summary>
public sealed record BuildClusterPools(IReadOnlyDictionary<string, IReadOnlyList<string>> Members);
