using Prow.Clients.Kubernetes.Config;
using Prow.Grains.BuildClusters.Kubernetes;

namespace Prow.Silo.Hosting;

/// <summary>
/// The build clusters from the command line: each kubeconfig context (and the in-cluster service account) is a
/// Kubernetes cluster named after it; Prow's <c>default</c> is <c>--default-cluster</c> or the context named
/// <c>default</c>, and otherwise the local cluster. When a Kubernetes cluster is the default, the local one is
/// <c>local</c>. Pools and the default alias are resolved when a job is created.
/// </summary>
public sealed record BuildClusterSetup(
    IReadOnlyList<KubernetesClusterConfig> Kubernetes,
    string LocalName,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Pools)
{
    public const string DefaultName = "default";
    public const string LocalAlternateName = "local";
    public const string InClusterName = "in-cluster";

    /// <summary>Every name a job's <c>cluster:</c> may use.</summary>
    public IReadOnlyCollection<string> KnownNames => [.. Kubernetes.Select(k => k.Name).Append(LocalName).Concat(Pools.Keys).Distinct(StringComparer.Ordinal)];

    public static BuildClusterSetup From(ProwOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<KubernetesClusterConfig> clusters;
        try
        {
            clusters = options.Kubeconfigs.Count == 0 ? [] : [.. KubeConfigLoader.Load(options.Kubeconfigs).Contexts];
            if (options.InCluster)
            {
                clusters.Add(InClusterConfig.Load(InClusterName));
            }
        }
        catch (KubeConfigException ex)
        {
            throw new StartupException($"--kubeconfig: {ex.Message}", ex);
        }

        var names = clusters.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var pools = new Dictionary<string, IReadOnlyList<string>>(options.ClusterPools, StringComparer.Ordinal);
        var local = DefaultName;
        if (options.DefaultCluster is { } chosen && chosen != DefaultName)
        {
            if (!names.Contains(chosen))
            {
                throw new StartupException($"--default-cluster: '{chosen}' is not a context of the given kubeconfigs ({string.Join(", ", names.Order(StringComparer.Ordinal))})");
            }

            pools[DefaultName] = [chosen];
            local = LocalAlternateName;
        }
        else if (names.Contains(DefaultName))
        {
            local = LocalAlternateName;
        }

        foreach (var (pool, members) in pools)
        {
            if (names.Contains(pool) || pool == local)
            {
                throw new StartupException($"--cluster-pool: '{pool}' is already a cluster's name");
            }

            if (members.FirstOrDefault(m => !names.Contains(m) && m != local) is { } missing)
            {
                throw new StartupException($"--cluster-pool: {pool} names '{missing}', which is not a build cluster");
            }
        }

        return new BuildClusterSetup(clusters, local, pools);
    }

    public IReadOnlyList<KubernetesBuildClusterOptions> KubernetesOptions(string podNamespace, string logFolder, string gitBaseUrl, TimeSpan retryInterval) =>
        [.. Kubernetes.Select(k => new KubernetesBuildClusterOptions
        {
            Name = k.Name,
            Connection = k,
            Namespace = podNamespace,
            LogFolder = logFolder,
            GitBaseUrl = gitBaseUrl,
            RetryInterval = retryInterval,
        })];
}
