namespace Prow.Clients.Kubernetes.Config;

/// <summary>Every context of one or more kubeconfig files, resolved, and the current context.</summary>
public sealed record KubeConfig(IReadOnlyList<KubernetesClusterConfig> Contexts, string? CurrentContext);
