using Prow.Clients.Kubernetes.Config;

namespace Prow.Grains.BuildClusters.Kubernetes;

/// <summary>One Kubernetes build cluster: a kubeconfig context (or the in-cluster service account).</summary>
public sealed record KubernetesBuildClusterOptions
{
    /// <summary>The name jobs use in <c>cluster:</c>.</summary>
    public required string Name { get; init; }

    /// <summary>How to reach the cluster's API.</summary>
    public required KubernetesClusterConfig Connection { get; init; }

    /// <summary>Where pods go when the job names no namespace (Prow's pod_namespace).</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>How many of this silo's jobs may run on the cluster at once.</summary>
    public int Capacity { get; init; } = 64;

    /// <summary>Where build logs fetched from pods are kept until they are uploaded.</summary>
    public string LogFolder { get; init; } = Path.GetFullPath("./.prow/workspaces/logs");

    /// <summary>Where decorated jobs clone from when a ref names no clone_uri.</summary>
    public string GitBaseUrl { get; init; } = "https://github.com";

    /// <summary>The image of the init container that clones a decorated job's refs (it needs git and sh).</summary>
    public string CloneImage { get; init; } = "alpine/git:2.47.2";

    /// <summary>How often unanswered calls are retried and deadlines are checked.</summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one watch request stays open before it is renewed.</summary>
    public TimeSpan WatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The deadline of each ordinary API call.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
