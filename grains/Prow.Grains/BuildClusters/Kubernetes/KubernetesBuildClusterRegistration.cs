using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prow.Clients.Kubernetes;
using Prow.Services.Configuration;

namespace Prow.Grains.BuildClusters.Kubernetes;

public static class KubernetesBuildClusterRegistration
{
    /// <summary>One <see cref="KubernetesBuildCluster"/> per cluster, each with its own API client.</summary>
    public static IServiceCollection AddKubernetesBuildClusters(this IServiceCollection services, IEnumerable<KubernetesBuildClusterOptions> clusters)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        foreach (var cluster in clusters)
        {
            services.AddSingleton<IBuildClusterKind>(sp => new KubernetesBuildCluster(
                new KubernetesClient(cluster.Connection, cluster.RequestTimeout),
                cluster,
                sp.GetRequiredService<BuildClusterMetrics>(),
                sp.GetRequiredService<IConfigSource>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<KubernetesBuildCluster>>()));
        }

        return services;
    }
}
