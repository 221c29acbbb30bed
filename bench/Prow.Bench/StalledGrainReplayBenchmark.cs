using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Prow.FakeGitHub;
using Prow.GrainInterfaces;
using Prow.Silo.Cli;
using Prow.Silo.Hosting;

namespace Prow.Bench;

/// <summary>
/// 1,000 stored deliveries replayed after a restart while GitHub takes connections and never answers: every tenth is
/// a <c>/kind bug</c> comment for one repository whose label plugin asks GitHub, the rest go to 300 idle pull requests
/// that call nothing. How long until the idle ones are all handled, and until the stalled repository's are.
/// </summary>
internal static class StalledGrainReplayBenchmark
{
    private const string Secret = "bench-secret";
    private const int Deliveries = 1_000;
    private const int PullRequests = 300;

    public static async Task RunAsync(string folder)
    {
        using var deadGitHub = new TcpListener(IPAddress.Loopback, 0);
        deadGitHub.Start();
        var held = new List<Socket>();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                held.Add(await deadGitHub.AcceptSocketAsync());
            }
        });

        var secretFile = Path.Combine(folder, "stalled-hmac");
        await File.WriteAllTextAsync(secretFile, Secret);
        var plugins = Path.Combine(folder, "stalled-plugins.yaml");
        await File.WriteAllTextAsync(plugins, "plugins:\n  bench/stalled:\n    plugins: [label]\n");
        var options = new ProwOptions
        {
            Urls = "http://127.0.0.1:0",
            Storage = new StorageLocation(StorageKind.Sqlite, Path.Combine(folder, "stalled.db")),
            HmacSecretFile = secretFile,
            PluginConfig = plugins,
            Artifacts = Path.Combine(folder, "stalled-artifacts"),
            GitHubEndpoints = [new Uri($"http://127.0.0.1:{((IPEndPoint)deadGitHub.LocalEndpoint).Port}")],
            ShutdownTimeout = TimeSpan.FromSeconds(1),
        };

        await StoreAsync(options with { HoldIngress = true });
        var stalled = Enumerable.Range(0, Deliveries).Count(IsStalled);
        var app = ProwHost.Build(options);
        var started = Stopwatch.GetTimestamp();
        await app.StartAsync();
        try
        {
            var grains = app.Services.GetRequiredService<IGrainFactory>();
            var store = app.Services.GetRequiredService<Prow.Ingress.IIngressStore>();
            var idleDone = TimeSpan.Zero;
            var deadline = TimeSpan.FromMinutes(5);
            while (Stopwatch.GetElapsedTime(started) < deadline)
            {
                if (idleDone == TimeSpan.Zero)
                {
                    var handled = await Task.WhenAll(Enumerable.Range(1, PullRequests).Select(n => grains.GetGrain<IPullRequestGrain>(GrainKeys.PullRequest("bench", "idle", n)).GetAsync()));
                    if (handled.Sum(v => v.Deliveries) == Deliveries - stalled)
                    {
                        idleDone = Stopwatch.GetElapsedTime(started);
                    }
                }

                var counts = await store.CountAsync(CancellationToken.None);
                if (idleDone > TimeSpan.Zero && counts.Pending == 0)
                {
                    break;
                }

                await Task.Delay(50);
            }

            var final = await store.CountAsync(CancellationToken.None);
            Measure.Report($"replay of {Deliveries:N0}, one grain on a dead GitHub", $"{Deliveries - stalled:N0} to idle grains handled {(idleDone == TimeSpan.Zero ? "not within 5 min" : $"{idleDone.TotalSeconds:F1} s")} after start");
            Measure.Report($"  the stalled repository's {stalled}", $"{(final.Pending == 0 ? $"all done {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s after start" : $"{final.Pending} still pending after {deadline.TotalMinutes} min")} ({final.Completed:N0} completed, {final.Failed:N0} parked)");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            foreach (var socket in held)
            {
                socket.Dispose();
            }
        }
    }

    private static bool IsStalled(int i) => i % 10 == 0;

    /// <summary>Sends the deliveries to a prow that holds its inbox, so all of them wait for the replay.</summary>
    private static async Task StoreAsync(ProwOptions options)
    {
        var app = ProwHost.Build(options);
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            for (var i = 0; i < Deliveries; i++)
            {
                var (repo, issue) = IsStalled(i)
                    ? ("stalled", """{"number":1,"user":{"login":"alice"}}""")
                    : ("idle", "{\"number\":" + ((i % PullRequests) + 1) + ""","user":{"login":"alice"},"pull_request":{"url":"x"}}""");
                var comment = IsStalled(i) ? "/kind bug" : "looks good";
                var body = "{\"action\":\"created\",\"issue\":" + issue + ",\"comment\":{\"id\":" + i + ",\"body\":\"" + comment
                    + "\",\"user\":{\"login\":\"alice\"}},\"sender\":{\"login\":\"alice\"},\"repository\":{\"full_name\":\"bench/" + repo
                    + "\",\"name\":\"" + repo + "\",\"owner\":{\"login\":\"bench\"}}}";
                using var request = SignedWebhook.Request("issue_comment", $"stalled-bench-{i}", Encoding.UTF8.GetBytes(body), Secret);
                using var response = await client.SendAsync(request);
                response.EnsureSuccessStatusCode();
            }
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
