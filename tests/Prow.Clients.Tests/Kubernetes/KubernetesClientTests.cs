using System.Net;
using System.Text.Json.Nodes;
using Prow.Clients.Kubernetes;
using Prow.Clients.Kubernetes.Config;
using Prow.Clients.Kubernetes.Models;
using Prow.TestKit;
using Prow.TestKit.Kubernetes;

namespace Prow.Clients.Tests.Kubernetes;

/// <summary>The Pod API client against a Kubernetes-shaped server on loopback.</summary>
public sealed class KubernetesClientTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("k8s-client-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Pods_CreateGetListDeleteAndLogs_ApiErrorsCarryTheStatus()
    {
        await using var server = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { RequiredToken = "t0ken" });
        using var client = new KubernetesClient(Connection(server) with { BearerToken = "t0ken" });

        await client.CreatePodAsync("ci", Pod("one", "echo one", ("team", "a")), CancellationToken.None);
        await client.CreatePodAsync("ci", Pod("two", "echo two", ("team", "b")), CancellationToken.None);
        await Poll.UntilAsync(async () => (await client.GetPodAsync("ci", "one", CancellationToken.None))?.Status?.Phase == PodStatus.Succeeded);

        Assert.Equal(["one"], (await client.ListPodsAsync("ci", "team=a", CancellationToken.None)).Items.Select(p => p.Metadata.Name));
        Assert.Equal(["two"], (await client.ListPodsAsync("ci", "team!=a", CancellationToken.None)).Items.Select(p => p.Metadata.Name));
        Assert.Equal("one\n", await client.GetPodLogsAsync("ci", "one", null, CancellationToken.None));
        var one = await client.GetPodAsync("ci", "one", CancellationToken.None);
        Assert.Equal((0, "Completed"), (one!.Status!.ContainerStatuses[0].State.Terminated!.ExitCode, one.Status.ContainerStatuses[0].State.Terminated!.Reason));

        var conflict = await Assert.ThrowsAsync<KubernetesApiException>(() => client.CreatePodAsync("ci", Pod("one", "true"), CancellationToken.None));
        Assert.Equal((HttpStatusCode.Conflict, "AlreadyExists", "pods \"one\" already exists"), (conflict.StatusCode, conflict.Reason, conflict.StatusMessage));
        var invalid = await Assert.ThrowsAsync<KubernetesApiException>(() => client.CreatePodAsync("ci", new Pod { Metadata = new() { Name = "empty" }, Spec = [] }, CancellationToken.None));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "Invalid"), (invalid.StatusCode, invalid.Reason));
        Assert.Contains("spec.containers: Required value", invalid.Message, StringComparison.Ordinal);

        Assert.True(await client.DeletePodAsync("ci", "one", CancellationToken.None));
        Assert.False(await client.DeletePodAsync("ci", "one", CancellationToken.None));
        Assert.Null(await client.GetPodAsync("ci", "one", CancellationToken.None));

        using var stranger = new KubernetesClient(Connection(server) with { BearerToken = "wrong" });
        var refused = await Assert.ThrowsAsync<KubernetesApiException>(() => stranger.ListPodsAsync("ci", null, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Watch_StreamsChangesAndBookmarks_AndSaysGoneForAForgottenVersion()
    {
        await using var server = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { BookmarkInterval = TimeSpan.FromMilliseconds(200) });
        using var client = new KubernetesClient(Connection(server));
        var version = (await client.ListPodsAsync("ci", null, CancellationToken.None)).Metadata.ResourceVersion;
        await client.CreatePodAsync("ci", Pod("watched", "echo hi"), CancellationToken.None);

        var seen = new List<WatchEvent>();
        await foreach (var change in client.WatchPodsAsync("ci", null, version, TimeSpan.FromSeconds(30), CancellationToken.None))
        {
            seen.Add(change);
            if (change.Type == WatchEvent.Bookmark && seen.Any(e => e.Pod.Status?.Phase == PodStatus.Succeeded))
            {
                break;
            }
        }

        Assert.Equal(WatchEvent.Added, seen[0].Type);
        Assert.Contains(seen, e => e.Type == WatchEvent.Modified && e.Pod.Status?.Phase == PodStatus.Running);
        Assert.True(long.Parse(seen[^1].Pod.Metadata.ResourceVersion!, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(version!, System.Globalization.CultureInfo.InvariantCulture));

        server.Compact();
        var gone = await Assert.ThrowsAsync<KubernetesApiException>(async () =>
        {
            await foreach (var _ in client.WatchPodsAsync("ci", null, version, TimeSpan.FromSeconds(30), CancellationToken.None))
            {
            }
        });
        Assert.True(gone.IsGone);
        Assert.Contains("too old resource version", gone.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenFile_IsReadForEachCall_SoARotatedTokenIsUsed()
    {
        await using var server = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { RequiredToken = "new-token" });
        var tokenFile = Path.Combine(_folder, "token");
        await File.WriteAllTextAsync(tokenFile, "old-token\n");
        using var client = new KubernetesClient(Connection(server) with { BearerTokenFile = tokenFile });

        await Assert.ThrowsAsync<KubernetesApiException>(() => client.ListPodsAsync("ci", null, CancellationToken.None));
        await File.WriteAllTextAsync(tokenFile, "new-token\n");

        Assert.Empty((await client.ListPodsAsync("ci", null, CancellationToken.None)).Items);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task ExecPlugin_TokenIsUsedAndCachedUntilItExpires()
    {
        await using var server = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { RequiredToken = "exec-token" });
        var ledger = Path.Combine(_folder, "runs");
        var plugin = Path.Combine(_folder, "plugin.sh");
        await File.WriteAllTextAsync(plugin, $$$"""
            #!/bin/sh
            echo "$KUBERNETES_EXEC_INFO $1" >> {{{ledger}}}
            echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"exec-token","expirationTimestamp":"2999-01-01T00:00:00Z"}}'
            """);
        File.SetUnixFileMode(plugin, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        using var client = new KubernetesClient(Connection(server) with { Exec = new ExecCredentialConfig { Command = "./plugin.sh", Args = ["--flag"], BaseDirectory = _folder } });

        await client.ListPodsAsync("ci", null, CancellationToken.None);
        await client.ListPodsAsync("ci", null, CancellationToken.None);

        var runs = await File.ReadAllLinesAsync(ledger);
        Assert.Single(runs);
        Assert.Contains("\"kind\":\"ExecCredential\"", runs[0], StringComparison.Ordinal);
        Assert.EndsWith("--flag", runs[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tls_ClusterCaAndClientCertificate_FromKubeconfigData()
    {
        using var pki = new TestCertificates();
        using var serverCertificate = pki.Server();
        await using var server = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { ServerCertificate = serverCertificate, ClientCertificateAuthority = pki.Authority });
        var (certificate, key) = pki.Client();
        var b64 = (string s) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(s));
        var kubeconfig = Path.Combine(_folder, "config");
        await File.WriteAllTextAsync(kubeconfig, $$"""
            clusters:
            - name: tls
              cluster: {server: "{{server.BaseAddress}}", certificate-authority-data: {{b64(pki.AuthorityPem)}}}
            - name: tls-insecure
              cluster: {server: "{{server.BaseAddress}}", insecure-skip-tls-verify: true}
            users:
            - name: cert
              user: {client-certificate-data: {{b64(certificate)}}, client-key-data: {{b64(key)}}}
            contexts:
            - name: trusted
              context: {cluster: tls, user: cert}
            - name: anonymous
              context: {cluster: tls}
            - name: insecure
              context: {cluster: tls-insecure, user: cert}
            """);
        var contexts = KubeConfigLoader.Load([kubeconfig]).Contexts.ToDictionary(c => c.Name);
        using var trusted = new KubernetesClient(contexts["trusted"]);
        using var anonymous = new KubernetesClient(contexts["anonymous"]);
        using var insecure = new KubernetesClient(contexts["insecure"]);
        using var otherCa = new TestCertificates("someone-else");
        using var wrongCa = new KubernetesClient(contexts["trusted"] with { CertificateAuthorityPem = otherCa.AuthorityPem });

        Assert.Empty((await trusted.ListPodsAsync("ci", null, CancellationToken.None)).Items);
        Assert.Empty((await insecure.ListPodsAsync("ci", null, CancellationToken.None)).Items);
        await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.ListPodsAsync("ci", null, CancellationToken.None));
        await Assert.ThrowsAsync<HttpRequestException>(() => wrongCa.ListPodsAsync("ci", null, CancellationToken.None));
    }

    private static KubernetesClusterConfig Connection(FakeKubernetesServer server) => new() { Name = "test", Server = new Uri(server.BaseAddress, "/") };

    private static Pod Pod(string name, string command, params (string Key, string Value)[] labels) => new()
    {
        Metadata = new ObjectMeta { Name = name, Labels = labels.ToDictionary(l => l.Key, l => l.Value) },
        Spec = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "main", ["image"] = "alpine", ["command"] = new JsonArray("sh", "-c", command) }) },
    };
}
