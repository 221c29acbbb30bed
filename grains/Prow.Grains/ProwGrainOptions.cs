using Prow.Grains.BuildClusters;

namespace Prow.Grains;

/// <summary>Host-level settings the grains need: where artifacts go, the local build cluster, links, the cat API.</summary>
public sealed record ProwGrainOptions
{
    /// <summary><c>--artifacts</c>: the local artifact folder.</summary>
    public string ArtifactsRoot { get; init; } = Path.GetFullPath("./.prow/artifacts");

    public LocalBuildClusterOptions LocalCluster { get; init; } = new();

    /// <summary>The status site's address, for the links on commit statuses.</summary>
    public Func<Uri> StatusSite { get; init; } = () => new Uri("http://127.0.0.1:8080/");

    public Uri? CatApiEndpoint { get; init; }

    /// <summary>How often each periodic looks whether it is due (Prow's horologium tick_interval: one minute).</summary>
    public TimeSpan PeriodicTick { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Overrides sinker.resync_period (tests shorten it); null uses the configuration.</summary>
    public TimeSpan? SinkerResync { get; init; }
}
