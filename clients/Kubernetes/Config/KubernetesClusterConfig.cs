namespace Prow.Clients.Kubernetes.Config;

/// <summary>
/// How to reach one cluster, resolved from a kubeconfig context or from inside a pod: the server, its CA, and
/// who we are (a bearer token, a token file, a client certificate, or an exec credential plugin).
/// </summary>
public sealed record KubernetesClusterConfig
{
    /// <summary>The context name: what a job's <c>cluster:</c> refers to.</summary>
    public required string Name { get; init; }

    /// <summary>The API server; always ends with '/' so request paths append under any path prefix.</summary>
    public required Uri Server { get; init; }

    public string? Namespace { get; init; }

    public string? BearerToken { get; init; }

    /// <summary>Read on each request, so a rotated token (a projected service account token) is picked up.</summary>
    public string? BearerTokenFile { get; init; }

    public string? ClientCertificatePem { get; init; }

    public string? ClientKeyPem { get; init; }

    /// <summary>The CA bundle to trust for the server (instead of the system's roots).</summary>
    public string? CertificateAuthorityPem { get; init; }

    public bool InsecureSkipTlsVerify { get; init; }

    public ExecCredentialConfig? Exec { get; init; }
}
