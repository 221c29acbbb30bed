using Prow.Silo.Cli;

namespace Prow.Silo.Hosting;

/// <summary>Everything <c>prow run</c> was told on its command line.</summary>
public sealed record ProwOptions
{
    public string Urls { get; init; } = "http://127.0.0.1:8080";

    public StorageLocation Storage { get; init; } = StorageLocation.Default;

    /// <summary><c>--role</c>: everything, a gateway (webhooks and the site, no grains) or a worker (grains and jobs).</summary>
    public ProwRole Role { get; init; } = ProwRole.All;

    /// <summary><c>--storage-connection-file</c>: a file holding the PostgreSQL connection string (a mounted Secret).</summary>
    public string? StorageConnectionFile { get; init; }

    /// <summary><c>--advertise-address</c>: the address other silos and gateways reach this one at; null for the pod IP or loopback.</summary>
    public System.Net.IPAddress? AdvertiseAddress { get; init; }

    /// <summary><c>--inbox-lease</c>: how long a pending delivery stays with the process handling it unless renewed (several processes on PostgreSQL).</summary>
    public TimeSpan InboxLease { get; init; } = TimeSpan.FromSeconds(30);

    public string? ConfigPath { get; init; }

    public string? JobConfigPath { get; init; }

    public string? PluginConfig { get; init; }

    public string? HmacSecretFile { get; init; }

    /// <summary><c>--silo-port</c>: Orleans' silo-to-silo port; a free one when null.</summary>
    public int? SiloPort { get; init; }

    /// <summary><c>--orleans-gateway-port</c>: Orleans' client gateway port; a free one when null.</summary>
    public int? OrleansGatewayPort { get; init; }

    /// <summary><c>--artifacts</c>: where job artifacts are written.</summary>
    public string Artifacts { get; init; } = "./.prow/artifacts";

    /// <summary>Where local runs get their workspaces (not a Prow flag; next to the artifacts by default).</summary>
    public string? Workspaces { get; init; }

    /// <summary><c>--git-base-url</c>: where the local build cluster clones repositories from.</summary>
    public string GitBaseUrl { get; init; } = "https://github.com";

    /// <summary>GitHub API endpoints, tried in order (e.g. ghproxy first, then api.github.com).</summary>
    public IReadOnlyList<Uri> GitHubEndpoints { get; init; } = [];

    public string? GitHubTokenPath { get; init; }

    /// <summary><c>--redeliver-hook</c> (repeatable): organization and repository hooks whose failed deliveries are asked again.</summary>
    public IReadOnlyList<Clients.GitHub.WebhookSource> RedeliverHooks { get; init; } = [];

    /// <summary><c>--redelivery-interval</c>: how often GitHub is asked for failed deliveries; zero never asks.</summary>
    public TimeSpan RedeliveryInterval { get; init; } = TimeSpan.FromMinutes(5);

    public string? GitHubAppId { get; init; }

    public string? GitHubAppPrivateKeyPath { get; init; }

    /// <summary>Reads go to GitHub; writes are logged and not sent.</summary>
    public bool DryRun { get; init; }

    /// <summary>Where the cat plugin asks TheCatAPI (tests point it at a local server).</summary>
    public Uri? CatApiEndpoint { get; init; }

    public string? AdminTokenFile { get; init; }

    /// <summary><c>--api-token-file</c>: the jobs API's bearer tokens (<c>IDENTITY:TOKEN</c> or a bare token per line); without it the API refuses every call.</summary>
    public string? ApiTokenFile { get; init; }

    /// <summary>Accept and store webhooks without handling them until a restart without this flag.</summary>
    public bool HoldIngress { get; init; }

    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Bytes of webhook bodies read at once, across all posts to <c>/hook</c> (not a Prow flag; tests shrink it).</summary>
    public long HookBodyMemory { get; init; } = new Gateway.HookOptions().MaxBufferedBodyBytes;

    /// <summary><c>--needs-rebase-update-period</c>: the needs-rebase plugin's pass over every open pull request (Prow's <c>--update-period</c>).</summary>
    public TimeSpan NeedsRebaseUpdatePeriod { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How often periodics look whether they are due (horologium's tick; tests shorten it).</summary>
    public TimeSpan PeriodicTick { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary><c>--kubeconfig</c> (repeatable): every context of these files is a Kubernetes build cluster.</summary>
    public IReadOnlyList<string> Kubeconfigs { get; init; } = [];

    /// <summary><c>--in-cluster</c>: the cluster prow runs in is a build cluster too, named <c>in-cluster</c>.</summary>
    public bool InCluster { get; init; }

    /// <summary><c>--default-cluster</c>: the context jobs without <c>cluster:</c> (Prow's <c>default</c>) run on.</summary>
    public string? DefaultCluster { get; init; }

    /// <summary><c>--cluster-pool NAME=a,b</c> (repeatable): a name jobs may use that picks one of several clusters.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ClusterPools { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary><c>--s3-credentials-file</c>: endpoint, region, keys and path style for <c>--artifacts s3://...</c>.</summary>
    public string? S3CredentialsFile { get; init; }

    /// <summary><c>--gcs-credentials-file</c>: a service account key for <c>--artifacts gs://...</c> (else application default credentials).</summary>
    public string? GcsCredentialsFile { get; init; }

    /// <summary><c>--gcs-endpoint</c>: the GCS JSON API's address (an emulator); Google's when null.</summary>
    public Uri? GcsEndpoint { get; init; }

    /// <summary><c>--slack-token-file</c>: the Slack bot token crier posts with (Prow's flag); no Slack reports without it.</summary>
    public string? SlackTokenFile { get; init; }

    /// <summary><c>--slack-endpoint</c>: where Slack's Web API is; <c>https://slack.com/</c> when null.</summary>
    public Uri? SlackEndpoint { get; init; }

    /// <summary>How often Kubernetes clusters retry unanswered calls (tests shorten it).</summary>
    public TimeSpan KubernetesRetryInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary><c>--github-oauth-config-file</c>: deck's GitHub OAuth app; without it nobody logs in.</summary>
    public string? GitHubOAuthConfigFile { get; init; }

    /// <summary><c>--github-oauth-url</c>: where GitHub's OAuth pages are (tests point it at the fake GitHub).</summary>
    public Uri GitHubOAuthUrl { get; init; } = new("https://github.com/");
}
