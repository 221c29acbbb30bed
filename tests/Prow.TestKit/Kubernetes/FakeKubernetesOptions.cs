using System.Security.Cryptography.X509Certificates;

namespace Prow.TestKit.Kubernetes;

/// <summary>How a <see cref="FakeKubernetesServer"/> listens and whom it lets in.</summary>
public sealed record FakeKubernetesOptions
{
    /// <summary>When set, every call must carry <c>Authorization: Bearer</c> with this token.</summary>
    public string? RequiredToken { get; init; }

    /// <summary>Serve HTTPS with this certificate (it must hold its private key).</summary>
    public X509Certificate2? ServerCertificate { get; init; }

    /// <summary>With HTTPS: demand a client certificate issued by this CA.</summary>
    public X509Certificate2? ClientCertificateAuthority { get; init; }

    /// <summary>How often an idle watch gets a BOOKMARK.</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A container whose image starts with this never pulls: it waits in ImagePullBackOff.</summary>
    public string UnpullableImagePrefix { get; init; } = "unpullable.invalid/";

    /// <summary>The labels every node has: a pod whose <c>nodeSelector</c> asks for another stays Pending, unscheduled.</summary>
    public IReadOnlyDictionary<string, string> NodeLabels { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["kubernetes.io/os"] = "linux",
        ["kubernetes.io/arch"] = "amd64",
    };
}
