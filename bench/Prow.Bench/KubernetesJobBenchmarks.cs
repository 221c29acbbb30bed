using System.Diagnostics;
using Prow.FakeGitHub;
using Prow.Silo.Cli;
using Prow.Silo.Hosting;
using Prow.TestKit.Kubernetes;

namespace Prow.Bench;

/// <summary>
/// Jobs end to end on a Kubernetes-shaped cluster (the test kit's fake API server, whose pods run as local
/// processes): push webhook → ProwJob → pod created over HTTP → watched to its end → log fetched. Measures the
/// time from the webhook's 200 to the pod's process running, and jobs per second to completion.
/// </summary>
internal static class KubernetesJobBenchmarks
{
    public static async Task RunAsync(string folder)
    {
        await using var gitHub = await FakeGitHubServer.StartAsync();
        gitHub.State.AddRepo("bench/repo");
        await using var cluster = await FakeKubernetesServer.StartAsync(new FakeKubernetesOptions { RequiredToken = "bench" });
        var kubeconfig = FakeKubeconfig.Write(Path.Combine(folder, "kubeconfig"), ("bench-cluster", cluster));
        var ledger = Path.Combine(folder, "k8s-ledger");
        var jobs = Path.Combine(folder, "k8s-jobs.yaml");
        await File.WriteAllTextAsync(jobs, $"postsubmits:\n  bench/repo:\n  - name: trivial\n    cluster: bench-cluster\n    spec: {{containers: [{{image: alpine, command: [sh, -c, \"echo $PULL_BASE_SHA $(date +%s%N) >> {ledger}\"]}}]}}\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "hmac"), JobBenchmarks.Secret);
        await File.WriteAllTextAsync(Path.Combine(folder, "token"), "t");
        var app = ProwHost.Build(new ProwOptions
        {
            Urls = "http://127.0.0.1:0",
            Storage = new StorageLocation(StorageKind.Sqlite, Path.Combine(folder, "k8s-jobs.db")),
            HmacSecretFile = Path.Combine(folder, "hmac"),
            JobConfigPath = jobs,
            GitHubEndpoints = [gitHub.BaseAddress],
            GitHubTokenPath = Path.Combine(folder, "token"),
            Artifacts = Path.Combine(folder, "k8s-artifacts"),
            Kubeconfigs = [kubeconfig],
        });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        await JobBenchmarks.PushAsync(client, "warm", 20, concurrency: 4);
        await JobBenchmarks.WaitForAsync(ledger, 20);

        var accepted = await JobBenchmarks.PushAsync(client, "lat", 100, concurrency: 1, pause: TimeSpan.FromMilliseconds(30));
        var started = await JobBenchmarks.WaitForAsync(ledger, 120);
        Measure.Report("webhook 200 → pod's process running (Kubernetes-shaped cluster)", Measure.Percentiles([.. accepted.Select(a => (started[a.Key] - a.Value) / 1e6)]));

        // Completion, not just start: every job's final status reported (pod watched to its end, log fetched).
        var begin = Stopwatch.GetTimestamp();
        await JobBenchmarks.PushAsync(client, "tput", 300, concurrency: 16);
        for (var i = 0; i < 2400 && Enumerable.Range(0, 300).Any(n => !gitHub.StatusesFor("bench/repo", $"tput{n:D6}").Any(s => s.State == "success")); i++)
        {
            await Task.Delay(50);
        }

        var seconds = Stopwatch.GetElapsedTime(begin).TotalSeconds;
        Measure.Report("trivial jobs completed/s (Kubernetes-shaped cluster, capacity 64)", $"{300 / seconds:N1} (300 jobs in {seconds:F1} s)");
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
