using System.Text;
using Prow.FakeGitHub;
using Prow.TestKit;

namespace Prow.Silo.Tests;

/// <summary>No webhook lost while prow was down: on start prow asks GitHub for what it failed to deliver, and GitHub sends it again.</summary>
[Collection(HeavyTests.Name)]
public sealed class WebhookRedeliveryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ProwDown_WebhooksGitHubFailedToDeliver_AreRedeliveredOnStartAndHandledOnce()
    {
        const int Lost = 12;
        var port = LoopbackPort.Free();
        await using var github = await FakeGitHubServer.StartAsync();
        var hook = github.AddRepositoryHook("org/lost", new Uri($"http://127.0.0.1:{port}/hook"), Webhooks.Secret);
        var arguments = await ArgumentsAsync(port, github.BaseAddress, $"org/lost={hook.Id}");

        FakeHookDelivery received;
        await using (var prow = await ProwProcess.StartWithArgumentsAsync(_folder.Path, arguments))
        {
            received = await github.DeliverAsync(hook, "issue_comment", Comment(0));
            Assert.Equal(200, received.StatusCode);
            await Poll.UntilAsync(async () => await DeliveriesAsync(prow) == 1);
            prow.Terminate();
            Assert.Equal(0, await prow.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        }

        var lost = new List<string>();
        for (var i = 1; i <= Lost; i++)
        {
            var failed = await github.DeliverAsync(hook, "issue_comment", Comment(i));
            Assert.Equal(0, failed.StatusCode);
            lost.Add(failed.DeliveryGuid);
        }

        await using var restarted = await ProwProcess.StartWithArgumentsAsync(_folder.Path, arguments);
        await Poll.UntilAsync(() => github.DeliveriesTo(hook).Count(d => d.Redelivery) >= Lost);
        await Poll.UntilAsync(async () => await DeliveriesAsync(restarted) == Lost + 1);

        // Each lost delivery asked once and taken; the one prow had received is not asked again.
        var redelivered = github.DeliveriesTo(hook).Where(d => d.Redelivery).ToList();
        Assert.Equal(lost.Order(StringComparer.Ordinal), redelivered.Select(d => d.DeliveryGuid).Order(StringComparer.Ordinal));
        Assert.All(redelivered, d => Assert.Equal(200, d.StatusCode));
        Assert.DoesNotContain(received.DeliveryGuid, redelivered.Select(d => d.DeliveryGuid));
        Assert.Equal(Lost + 1, await DeliveriesAsync(restarted));
    }

    private async Task<string[]> ArgumentsAsync(int port, Uri github, string hook)
    {
        await File.WriteAllTextAsync(Path.Combine(_folder.Path, "hmac"), Webhooks.Secret);
        await File.WriteAllTextAsync(Path.Combine(_folder.Path, "admin-token"), "admin-secret");
        await File.WriteAllTextAsync(Path.Combine(_folder.Path, "github-token"), "token");
        return ["run", "--urls", $"http://127.0.0.1:{port}", "--storage", $"sqlite:{Path.Combine(_folder.Path, "prow.db")}",
            "--hmac-secret-file", Path.Combine(_folder.Path, "hmac"), "--admin-token-file", Path.Combine(_folder.Path, "admin-token"),
            "--github-endpoint", github.ToString(), "--github-token-path", Path.Combine(_folder.Path, "github-token"), "--redeliver-hook", hook];
    }

    private static byte[] Comment(int number) => Encoding.UTF8.GetBytes(Webhooks.IssueComment("org/lost", number + 1, "x"));

    private static async Task<long> DeliveriesAsync(ProwProcess prow) =>
        (await prow.RepositoryStateAsync("org/lost"))?.GetProperty("Deliveries").GetProperty("Count").GetInt64() ?? 0;
}
