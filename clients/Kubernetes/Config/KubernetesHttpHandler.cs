using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Prow.Clients.Kubernetes.Config;

/// <summary>The transport for one cluster: TLS trust (its CA, or none when told to skip), the client certificate, then authentication.</summary>
public static class KubernetesHttpHandler
{
    public static HttpMessageHandler Create(KubernetesClusterConfig cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var sockets = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = TimeSpan.FromSeconds(10) };
        if (cluster.ClientCertificatePem is { } certificate)
        {
            if (cluster.ClientKeyPem is not { } key)
            {
                throw new KubeConfigException($"context {cluster.Name}: client-certificate is set without client-key");
            }

            // Through PKCS#12 so the private key is usable by the TLS stack on every platform.
            using var pem = X509Certificate2.CreateFromPem(certificate, key);
            sockets.SslOptions.ClientCertificates = [X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null)];
        }

        if (cluster.InsecureSkipTlsVerify)
        {
            // The operator asked for it in the kubeconfig (insecure-skip-tls-verify), as kubectl honours it.
#pragma warning disable CA5359
            sockets.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }
        else if (cluster.CertificateAuthorityPem is { } caPem)
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPem(caPem);
            sockets.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, errors) => TrustedBy(roots, presented, errors);
        }

        return new KubernetesAuthHandler(cluster) { InnerHandler = sockets };
    }

    /// <summary>Valid when the chain ends in one of the cluster's CAs (only name and chain errors are re-judged).</summary>
    private static bool TrustedBy(X509Certificate2Collection roots, X509Certificate? presented, SslPolicyErrors errors)
    {
        if (presented is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var certificate = new X509Certificate2(presented);
        return chain.Build(certificate);
    }
}
