using System.Net;

namespace Prow.Silo.Tests;

/// <summary>The durable inbox against a real process: what was answered 200 is handled, once, whatever happens to the process.</summary>
[Collection(HeavyTests.Name)]
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task HeldIngress_KilledBeforeHandling_ReplayedAfterRestart()
    {
        const int Count = 30;
        await using (var held = await ProwProcess.StartAsync(_folder.Path, "--hold-ingress"))
        {
            for (var i = 0; i < Count; i++)
            {
                var response = await held.Client.SendAsync(Webhooks.Request("issue_comment", $"held-{i}", Webhooks.IssueComment("org/held", i + 1, "x")));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            Assert.Null(await held.RepositoryStateAsync("org/held"));
            held.Kill();
            await held.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        await using var restarted = await ProwProcess.StartAsync(_folder.Path);
        Assert.Equal(Count, await WaitForDeliveriesAsync(restarted, "org/held", Count));
    }

    [Fact]
    public async Task KilledWhileWebhooksArrive_EveryAcceptedDeliveryHandledOnceAfterRestart()
    {
        var accepted = 0;
        var sent = 0;
        await using (var prow = await ProwProcess.StartAsync(_folder.Path))
        {
            using var stop = new CancellationTokenSource();
            var senders = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var i = Interlocked.Increment(ref sent);
                    try
                    {
                        var response = await prow.Client.SendAsync(Webhooks.Request("issue_comment", $"kill-{i}", Webhooks.IssueComment("org/kill", i % 7 + 1, "x")));
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            Interlocked.Increment(ref accepted);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        // Cut off by the kill: never acknowledged, so GitHub would deliver it again.
                        return;
                    }
                }
            })).ToList();

            // Kill once a good number were acknowledged, while eight senders keep requests in flight.
            for (var wait = 0; wait < 4000 && Volatile.Read(ref accepted) < 200; wait++)
            {
                await Task.Delay(5);
            }

            prow.Kill();
            await prow.WaitForExitAsync(TimeSpan.FromSeconds(30));
            await stop.CancelAsync();
            await Task.WhenAll(senders);
        }

        Assert.True(accepted >= 200, $"only {accepted} accepted before the kill");
        await using var restarted = await ProwProcess.StartAsync(_folder.Path);
        // Replay is queued in full before the process reports ready, so an empty in-flight gauge means every
        // durably accepted delivery (acknowledged or cut off before its answer) has been handled.
        Assert.True(await WaitForIngressDrainedAsync(restarted), "replayed deliveries still in flight after 30 s");
        var handled = await DeliveriesAsync(restarted, "org/kill");

        Assert.InRange(handled, accepted, sent);
    }

    [Fact]
    public async Task Sigterm_FinishesInFlightWorkAndExitsCleanly()
    {
        const int Sent = 100;
        await using (var prow = await ProwProcess.StartAsync(_folder.Path))
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, Sent).Select(i =>
                prow.Client.SendAsync(Webhooks.Request("issue_comment", $"term-{i}", Webhooks.IssueComment("org/term", i + 1, "x")))));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

            prow.Terminate();
            Assert.Equal(0, await prow.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        }

        // A clean close checkpoints SQLite's write-ahead log into the database and removes it.
        Assert.False(File.Exists(Path.Combine(_folder.Path, "prow.db-wal")), "the WAL file is left behind: the database was not closed");

        // Everything acknowledged before SIGTERM was handled before exit: nothing is left to replay.
        await using var restarted = await ProwProcess.StartAsync(_folder.Path, "--hold-ingress");
        Assert.Equal(Sent, await DeliveriesAsync(restarted, "org/term"));
    }

    private static async Task<long> DeliveriesAsync(ProwProcess prow, string repository) =>
        (await prow.RepositoryStateAsync(repository))?.GetProperty("Deliveries").GetProperty("Count").GetInt64() ?? 0;

    private static async Task<bool> WaitForIngressDrainedAsync(ProwProcess prow)
    {
        for (var i = 0; i < 600; i++)
        {
            if ((await prow.Client.GetStringAsync("/metrics")).Contains("prow_ingress_in_flight 0\n", StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    private static async Task<long> WaitForDeliveriesAsync(ProwProcess prow, string repository, long atLeast)
    {
        long deliveries = 0;
        for (var i = 0; i < 600 && deliveries < atLeast; i++)
        {
            deliveries = await DeliveriesAsync(prow, repository);
            if (deliveries < atLeast)
            {
                await Task.Delay(50);
            }
        }

        return deliveries;
    }
}
