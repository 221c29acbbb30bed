using YamlDotNet.Serialization;

namespace Prow.Clients.Kubernetes.Config;

/// <summary>The YAML shape of a kubeconfig file (clientcmd v1), only the fields this client uses.</summary>
internal sealed class KubeConfigFile
{
    [YamlMember(Alias = "current-context")]
    public string? CurrentContext { get; set; }

    [YamlMember(Alias = "clusters")]
    public List<Named<KubeConfigCluster>> Clusters { get; set; } = [];

    [YamlMember(Alias = "users")]
    public List<Named<KubeConfigUser>> Users { get; set; } = [];

    [YamlMember(Alias = "contexts")]
    public List<Named<KubeConfigContext>> Contexts { get; set; } = [];
}

internal sealed class Named<T>
{
    [YamlMember(Alias = "name")]
    public string Name { get; set; } = "";

    [YamlMember(Alias = "cluster")]
    public T? Cluster { get; set; }

    [YamlMember(Alias = "user")]
    public T? User { get; set; }

    [YamlMember(Alias = "context")]
    public T? Context { get; set; }

    public T? Value => Cluster ?? User ?? Context;
}

internal sealed class KubeConfigCluster
{
    [YamlMember(Alias = "server")]
    public string? Server { get; set; }

    [YamlMember(Alias = "certificate-authority")]
    public string? CertificateAuthority { get; set; }

    [YamlMember(Alias = "certificate-authority-data")]
    public string? CertificateAuthorityData { get; set; }

    [YamlMember(Alias = "insecure-skip-tls-verify")]
    public bool InsecureSkipTlsVerify { get; set; }
}

internal sealed class KubeConfigUser
{
    [YamlMember(Alias = "token")]
    public string? Token { get; set; }

    [YamlMember(Alias = "tokenFile")]
    public string? TokenFile { get; set; }

    [YamlMember(Alias = "client-certificate")]
    public string? ClientCertificate { get; set; }

    [YamlMember(Alias = "client-certificate-data")]
    public string? ClientCertificateData { get; set; }

    [YamlMember(Alias = "client-key")]
    public string? ClientKey { get; set; }

    [YamlMember(Alias = "client-key-data")]
    public string? ClientKeyData { get; set; }

    [YamlMember(Alias = "exec")]
    public KubeConfigExec? Exec { get; set; }
}

internal sealed class KubeConfigExec
{
    [YamlMember(Alias = "apiVersion")]
    public string? ApiVersion { get; set; }

    [YamlMember(Alias = "command")]
    public string? Command { get; set; }

    [YamlMember(Alias = "args")]
    public List<string> Args { get; set; } = [];

    [YamlMember(Alias = "env")]
    public List<KubeConfigEnv>? Env { get; set; }
}

internal sealed class KubeConfigEnv
{
    [YamlMember(Alias = "name")]
    public string Name { get; set; } = "";

    [YamlMember(Alias = "value")]
    public string Value { get; set; } = "";
}

internal sealed class KubeConfigContext
{
    [YamlMember(Alias = "cluster")]
    public string? Cluster { get; set; }

    [YamlMember(Alias = "user")]
    public string? User { get; set; }

    [YamlMember(Alias = "namespace")]
    public string? Namespace { get; set; }
}
