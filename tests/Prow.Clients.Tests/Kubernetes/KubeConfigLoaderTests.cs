using System.Text;
using Prow.Clients.Kubernetes.Config;

namespace Prow.Clients.Tests.Kubernetes;

public sealed class KubeConfigLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kubeconfig-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void SeveralFiles_EveryContextResolved_FirstDefinitionWins_PathsRelativeToTheirFile()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "one"));
        File.WriteAllText(Path.Combine(_folder, "one", "ca.crt"), "CA FROM FILE");
        File.WriteAllText(Path.Combine(_folder, "one", "token"), "file-token");
        var first = Write("one/config", """
            current-context: alpha
            clusters:
            - name: c1
              cluster: {server: "https://alpha.example:6443", certificate-authority: ca.crt}
            - name: c2
              cluster: {server: "https://beta.example/k8s/clusters/x", insecure-skip-tls-verify: true}
            users:
            - name: u-token
              user: {token: abc}
            - name: u-file
              user: {tokenFile: token}
            contexts:
            - name: alpha
              context: {cluster: c1, user: u-token, namespace: test-pods}
            - name: beta
              context: {cluster: c2, user: u-file}
            """);
        var second = Write("two", $$"""
            current-context: gamma
            clusters:
            - name: c1
              cluster: {server: "https://ignored.example"}
            - name: c3
              cluster: {server: "https://gamma.example", certificate-authority-data: {{B64("CA FROM DATA")}}}
            users:
            - name: u-cert
              user: {client-certificate-data: {{B64("CERT")}}, client-key-data: {{B64("KEY")}}}
            - name: u-exec
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: ./get-token
                  args: [--cluster, gamma]
                  env: [{name: REGION, value: eu}]
            contexts:
            - name: alpha
              context: {cluster: c3, user: u-cert}
            - name: gamma
              context: {cluster: c3, user: u-cert}
            - name: delta
              context: {cluster: c1, user: u-exec}
            """);

        var config = KubeConfigLoader.Load([first, second]);

        Assert.Equal("alpha", config.CurrentContext);
        Assert.Equal(["alpha", "beta", "gamma", "delta"], config.Contexts.Select(c => c.Name));
        var alpha = config.Contexts[0];
        Assert.Equal(("https://alpha.example:6443/", "test-pods", "abc", "CA FROM FILE"), (alpha.Server.AbsoluteUri, alpha.Namespace, alpha.BearerToken, alpha.CertificateAuthorityPem));
        var beta = config.Contexts[1];
        Assert.Equal(("https://beta.example/k8s/clusters/x/", true, Path.Combine(_folder, "one", "token")), (beta.Server.AbsoluteUri, beta.InsecureSkipTlsVerify, beta.BearerTokenFile));
        var gamma = config.Contexts[2];
        Assert.Equal(("CA FROM DATA", "CERT", "KEY"), (gamma.CertificateAuthorityPem, gamma.ClientCertificatePem, gamma.ClientKeyPem));
        var delta = config.Contexts[3];
        Assert.Equal("https://alpha.example:6443/", delta.Server.AbsoluteUri);
        Assert.Equal(("./get-token", "--cluster gamma", "eu", "client.authentication.k8s.io/v1beta1", _folder), (delta.Exec!.Command, string.Join(' ', delta.Exec.Args), delta.Exec.Env["REGION"], delta.Exec.ApiVersion, delta.Exec.BaseDirectory));
    }

    [Theory]
    [InlineData("contexts: [{name: x, context: {cluster: missing}}]", "context x: cluster 'missing' is not defined")]
    [InlineData("clusters: [{name: c, cluster: {server: 'ftp://x'}}]\ncontexts: [{name: x, context: {cluster: c}}]", "has no http(s) server")]
    [InlineData("clusters: [{name: c, cluster: {server: 'https://x'}}]\ncontexts: [{name: x, context: {cluster: c, user: nobody}}]", "user 'nobody' is not defined")]
    [InlineData("clusters: [{name: c, cluster: {server: 'https://x', certificate-authority: nope.crt}}]\ncontexts: [{name: x, context: {cluster: c}}]", "certificate-authority")]
    [InlineData("clusters: [oops", "kubeconfig")]
    public void BrokenKubeconfig_SaysWhichFileAndWhatIsWrong(string yaml, string expected)
    {
        var path = Write("broken", yaml);

        var error = Assert.Throws<KubeConfigException>(() => KubeConfigLoader.Load([path]));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InCluster_ReadsTheServiceAccount_AndTheServiceAddressFromTheEnvironment()
    {
        var account = Directory.CreateDirectory(Path.Combine(_folder, "sa")).FullName;
        File.WriteAllText(Path.Combine(account, "token"), "sa-token");
        File.WriteAllText(Path.Combine(account, "ca.crt"), "SA CA");
        File.WriteAllText(Path.Combine(account, "namespace"), "prow\n");
        var env = new Dictionary<string, string> { ["KUBERNETES_SERVICE_HOST"] = "10.96.0.1", ["KUBERNETES_SERVICE_PORT"] = "6443" };

        var config = InClusterConfig.Load("in-cluster", env.GetValueOrDefault, account);

        Assert.True(InClusterConfig.IsAvailable(env.GetValueOrDefault, account));
        Assert.Equal(("https://10.96.0.1:6443/", Path.Combine(account, "token"), "SA CA", "prow"), (config.Server.AbsoluteUri, config.BearerTokenFile, config.CertificateAuthorityPem, config.Namespace));
        Assert.Throws<KubeConfigException>(() => InClusterConfig.Load("in-cluster", _ => null, account));
    }

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private string Write(string name, string yaml)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, yaml);
        return path;
    }
}
