using Microsoft.Extensions.Hosting;

namespace Prow.Grains.BuildClusters;

/// <summary>
/// On a graceful stop, lets the local cluster's running jobs finish and report before the Orleans silo stops.
/// Register it after the silo so it stops first.
/// </summary>
public sealed class BuildClusterDrain(IEnumerable<IBuildClusterKind> clusters, ShutdownPatience patience) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(clusters.OfType<LocalBuildCluster>().Select(c => c.DrainAsync(patience.Value)));
}

/// <summary>How long a graceful stop waits for running jobs.</summary>
public sealed record ShutdownPatience(TimeSpan Value);
