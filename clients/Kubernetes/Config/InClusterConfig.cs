namespace Prow.Clients.Kubernetes.Config;

/// <summary>
/// The cluster prow itself runs in, from a pod's service account: the API server from
/// <c>KUBERNETES_SERVICE_HOST</c>/<c>KUBERNETES_SERVICE_PORT</c>, the token (re-read as it rotates), the CA and the namespace.
/// </summary>
public static class InClusterConfig
{
    public const string ServiceAccountFolder = "/var/run/secrets/kubernetes.io/serviceaccount";

    public static bool IsAvailable(Func<string, string?>? environment = null, string serviceAccountFolder = ServiceAccountFolder)
    {
        environment ??= Environment.GetEnvironmentVariable;
        return !string.IsNullOrEmpty(environment("KUBERNETES_SERVICE_HOST")) && File.Exists(Path.Combine(serviceAccountFolder, "token"));
    }

    public static KubernetesClusterConfig Load(string name, Func<string, string?>? environment = null, string serviceAccountFolder = ServiceAccountFolder)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var host = environment("KUBERNETES_SERVICE_HOST");
        var port = environment("KUBERNETES_SERVICE_PORT");
        if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(port))
        {
            throw new KubeConfigException("in-cluster config: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be set (is prow running in a pod?)");
        }

        var token = Path.Combine(serviceAccountFolder, "token");
        if (!File.Exists(token))
        {
            throw new KubeConfigException($"in-cluster config: no service account token at {token}");
        }

        var ca = Path.Combine(serviceAccountFolder, "ca.crt");
        var ns = Path.Combine(serviceAccountFolder, "namespace");
        // An IPv6 service address needs brackets in a URL.
        var authority = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}";
        return new KubernetesClusterConfig
        {
            Name = name,
            Server = new Uri($"https://{authority}/"),
            BearerTokenFile = token,
            CertificateAuthorityPem = File.Exists(ca) ? File.ReadAllText(ca) : null,
            Namespace = File.Exists(ns) ? File.ReadAllText(ns).Trim() : null,
        };
    }
}
