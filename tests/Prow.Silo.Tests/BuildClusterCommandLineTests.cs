using Prow.Silo.Cli;
using Prow.TestKit.Kubernetes;

namespace Prow.Silo.Tests;

/// <summary>The cluster flags: --kubeconfig, --default-cluster, --cluster-pool, as check-config and run read them.</summary>
public sealed class BuildClusterCommandLineTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task CheckConfig_JobOnAnUnknownCluster_IsAnErrorNamingFileLineAndTheKnownClusters()
    {
        var kubeconfig = await KubeconfigAsync("alpha", "beta");
        var jobs = Path.Combine(_folder.Path, "jobs.yaml");
        await File.WriteAllTextAsync(jobs, """
            periodics:
            - name: fine
              interval: 1h
              cluster: alpha
              spec: {containers: [{image: alpine, command: ["true"]}]}
            - name: pooled
              interval: 1h
              cluster: any
              spec: {containers: [{image: alpine, command: ["true"]}]}
            - name: lost
              interval: 1h
              cluster: gamma
              spec: {containers: [{image: alpine, command: ["true"]}]}
            """);

        var (exit, _, error) = await RunAsync("check-config", "--job-config-path", jobs, "--kubeconfig", kubeconfig, "--cluster-pool", "any=alpha,beta");
        var (exitWithoutClusters, _, _) = await RunAsync("check-config", "--job-config-path", jobs);

        Assert.Equal(1, exit);
        Assert.Contains($"{jobs}:12: cluster: job lost names build cluster 'gamma', which is not one of: alpha, any, beta, default", error, StringComparison.Ordinal);
        Assert.DoesNotContain("job fine", error, StringComparison.Ordinal);
        Assert.DoesNotContain("job pooled", error, StringComparison.Ordinal);
        Assert.Equal(0, exitWithoutClusters);
    }

    [Theory]
    [InlineData("--default-cluster", "nope", "--default-cluster: 'nope' is not a context")]
    [InlineData("--cluster-pool", "any=alpha,nope", "--cluster-pool: any names 'nope', which is not a build cluster")]
    [InlineData("--cluster-pool", "alpha=alpha", "--cluster-pool: 'alpha' is already a cluster's name")]
    [InlineData("--cluster-pool", "no-members=", "--cluster-pool: 'no-members=' is not NAME=cluster,cluster")]
    public async Task Run_BadClusterFlags_RefuseToStartWithOneLine(string flag, string value, string expected)
    {
        var kubeconfig = await KubeconfigAsync("alpha");

        var (exit, _, error) = await RunAsync("run", "--storage", "memory:", "--urls", "http://127.0.0.1:0", "--kubeconfig", kubeconfig, flag, value);

        Assert.NotEqual(0, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnreadableKubeconfig_RefusesToStart()
    {
        var (exit, _, error) = await RunAsync("run", "--storage", "memory:", "--urls", "http://127.0.0.1:0", "--kubeconfig", Path.Combine(_folder.Path, "missing"));

        Assert.Equal(1, exit);
        Assert.StartsWith("prow: --kubeconfig: kubeconfig ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_S3ArtifactsWithoutCredentials_RefusesToStart()
    {
        var (exit, _, error) = await RunAsync("run", "--storage", "memory:", "--urls", "http://127.0.0.1:0", "--artifacts", "s3://bucket/prefix");

        Assert.Equal(1, exit);
        Assert.Equal("prow: --artifacts s3://... needs --s3-credentials-file", error.Trim());
    }

    [Theory]
    [InlineData("--gcs-credentials-file", "key.json", "prow: --gcs-credentials-file and --gcs-endpoint are only used with --artifacts gs://bucket/prefix")]
    [InlineData("--gcs-endpoint", "http://127.0.0.1:1/", "prow: --gcs-credentials-file and --gcs-endpoint are only used with --artifacts gs://bucket/prefix")]
    public async Task Run_GcsFlagsWithoutGcsArtifacts_RefuseToStart(string flag, string value, string expected)
    {
        var (exit, _, error) = await RunAsync("run", "--storage", "memory:", "--urls", "http://127.0.0.1:0", flag, value);

        Assert.Equal(1, exit);
        Assert.Equal(expected, error.Trim());
    }

    [Fact]
    public async Task Run_SlackFlagsThatCannotWork_RefuseToStart()
    {
        var empty = Path.Combine(_folder.Path, "slack-token");
        await File.WriteAllTextAsync(empty, "\n");

        var (exit, _, error) = await RunAsync("run", "--storage", "memory:", "--urls", "http://127.0.0.1:0", "--slack-token-file", empty);
        Assert.Equal(1, exit);
        Assert.Equal($"prow: --slack-token-file: {empty} is empty", error.Trim());

        (exit, _, error) = await RunAsync("run", "--storage", "memory:", "--urls", "http://127.0.0.1:0", "--slack-endpoint", "http://127.0.0.1:1/");
        Assert.Equal(1, exit);
        Assert.Equal("prow: --slack-endpoint is only used with --slack-token-file", error.Trim());
    }

    [Fact]
    public async Task Run_GcsArtifactsWithAKeyThatIsNotOne_RefusesToStartNamingTheFile()
    {
        var key = Path.Combine(_folder.Path, "key.json");
        await File.WriteAllTextAsync(key, "{\"type\": \"nothing-known\"}");

        var (exit, _, error) = await RunAsync("run", "--storage", "memory:", "--urls", "http://127.0.0.1:0", "--artifacts", "gs://bucket/prefix", "--gcs-credentials-file", key);

        Assert.Equal(1, exit);
        Assert.StartsWith($"prow: --artifacts: {key}: not a service account key", error.Trim(), StringComparison.Ordinal);
    }

    private async Task<string> KubeconfigAsync(params string[] contexts)
    {
        var servers = new List<FakeKubernetesServer>();
        foreach (var _ in contexts)
        {
            servers.Add(await FakeKubernetesServer.StartAsync());
        }

        try
        {
            return FakeKubeconfig.Write(Path.Combine(_folder.Path, "kubeconfig"), [.. contexts.Zip(servers)]);
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ProwCommandLine.InvokeAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
