using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Prow.TestKit.Kubernetes;

/// <summary>A throwaway CA and certificates it signs, made in memory, for TLS tests on loopback.</summary>
public sealed class TestCertificates : IDisposable
{
    private readonly RSA _caKey = RSA.Create(2048);

    public TestCertificates(string name = "prow-test-ca")
    {
        var request = new CertificateRequest($"CN={name}", _caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Authority = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    public X509Certificate2 Authority { get; }

    public string AuthorityPem => Authority.ExportCertificatePem();

    /// <summary>A server certificate for 127.0.0.1 and localhost, with its key, usable by Kestrel.</summary>
    public X509Certificate2 Server()
    {
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        return Issue("CN=localhost", [san.Build(), new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false)]).Certificate;
    }

    /// <summary>A client certificate and its key as PEM, as a kubeconfig carries them.</summary>
    public (string CertificatePem, string KeyPem) Client(string user = "prow")
    {
        var (certificate, key) = Issue($"CN={user}", [new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false)]);
        using (certificate)
        {
            return (certificate.ExportCertificatePem(), key);
        }
    }

    public void Dispose()
    {
        Authority.Dispose();
        _caKey.Dispose();
    }

    private (X509Certificate2 Certificate, string KeyPem) Issue(string subject, IEnumerable<X509Extension> extensions)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        foreach (var extension in extensions)
        {
            request.CertificateExtensions.Add(extension);
        }

        using var signed = request.Create(Authority, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7), RandomNumberGenerator.GetBytes(8));
        using var withKey = signed.CopyWithPrivateKey(key);
        // Through PKCS#12 so the key is usable by the TLS stack.
        return (X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null), key.ExportPkcs8PrivateKeyPem());
    }
}
