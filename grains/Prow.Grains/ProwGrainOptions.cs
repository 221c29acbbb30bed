using Prow.Grains.BuildClusters;
using Prow.Grains.BuildClusters.Kubernetes;
using Prow.Services.Artifacts;

namespace Prow.Grains;

/// <summary>Host-level settings the grains need: where artifacts go, the local build cluster, links, the cat API.</summary>
public sealed record ProwGrainOptions
{
    /// <summary><c>--artifacts</c>: the local artifact folder.</summary>
    public string ArtifactsRoot { get; init; } = Path.GetFullPath("./.prow/artifacts");

    public LocalBuildClusterOptions LocalCluster { get; init; } = new();

    /// <summary>Kubernetes build clusters (<c>--kubeconfig</c> contexts), beside the local one.</summary>
    public IReadOnlyList<KubernetesBuildClusterOptions> KubernetesClusters { get; init; } = [];

    /// <summary><c>--cluster-pool NAME=a,b</c>: names that stand for several clusters.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ClusterPools { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Where artifacts go instead of <see cref="ArtifactsRoot"/> (an S3 bucket); null: the local folder.</summary>
    public IArtifactStore? ArtifactStore { get; init; }

    /// <summary>The status site's address, for the links on commit statuses.</summary>
    public Func<Uri> StatusSite { get; init; } = () => new Uri("http://127.0.0.1:8080/");

    public Uri? CatApiEndpoint { get; init; }

    /// <summary>False in a process that hosts no grains (a gateway): it runs no jobs, so it has no job processes to clean up.</summary>
    public bool RunsJobs { get; init; } = true;

    /// <summary><c>--slack-token-file</c> and Slack's address: crier reports to Slack only when given.</summary>
    public Prow.Clients.Slack.SlackClientOptions? Slack { get; init; }

    /// <summary>How often each periodic looks whether it is due (Prow's horologium tick_interval: one minute).</summary>
    public TimeSpan PeriodicTick { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How often crier tries again a report GitHub or Slack did not take (a durable reminder, so also after a restart).</summary>
    public TimeSpan ReportRetry { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary><c>--needs-rebase-update-period</c>: how often needs-rebase looks at every open pull request (Prow's <c>--update-period</c>, a day).</summary>
    public TimeSpan NeedsRebaseUpdatePeriod { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Overrides sinker.resync_period (tests shorten it); null uses the configuration.</summary>
    public TimeSpan? SinkerResync { get; init; }
}
