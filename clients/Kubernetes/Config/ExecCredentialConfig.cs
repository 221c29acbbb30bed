namespace Prow.Clients.Kubernetes.Config;

/// <summary>A kubeconfig user's <c>exec:</c> credential plugin (client.authentication.k8s.io): a command that prints an ExecCredential.</summary>
public sealed record ExecCredentialConfig
{
    public required string Command { get; init; }

    public IReadOnlyList<string> Args { get; init; } = [];

    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    public string ApiVersion { get; init; } = "client.authentication.k8s.io/v1";

    /// <summary>Where relative commands are looked up first: the kubeconfig's folder.</summary>
    public string? BaseDirectory { get; init; }
}
