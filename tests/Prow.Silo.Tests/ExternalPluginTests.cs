using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Prow.TestKit;

namespace Prow.Silo.Tests;

/// <summary>External plugins are forwarded each matching delivery as Prow's hook does, durably: a crash loses no forward.</summary>
[Collection(HeavyTests.Name)]
public sealed class ExternalPluginTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task MatchingDelivery_IsForwardedAsGitHubSentIt_OthersAndBuiltInNamesAreNot()
    {
        await using var all = await FakeExternalPlugin.StartAsync();
        await using var pullsOnly = await FakeExternalPlugin.StartAsync();
        await using var rebase = await FakeExternalPlugin.StartAsync();
        var plugins = await WritePluginsAsync($"""
            plugins:
              org: [hold]
            external_plugins:
              org:
              - name: everything
                endpoint: {all.Address}
              org/repo:
              - name: pulls-only
                endpoint: {pullsOnly.Address}
                events: [pull_request]
              - name: needs-rebase
                endpoint: {rebase.Address}
            """);
        await using var prow = await InProcessProw.StartAsync(_folder.Path, o => o with { PluginConfig = plugins });
        var json = Webhooks.IssueComment("org/repo", 3, "hello");

        var response = await prow.Client.SendAsync(Webhooks.Request("issue_comment", "delivery-forwarded", json));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Poll.UntilAsync(() => all.Received.Count == 1);
        var received = all.Received[0];
        Assert.Equal(("issue_comment", "delivery-forwarded", false), (received.Event, received.Delivery, received.Refused));
        Assert.Equal(Encoding.UTF8.GetBytes(json), received.Body);
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Webhooks.Secret), received.Body)), received.Signature);

        // A pull_request event reaches the plugin that asked for it; the comment above did not.
        await prow.Client.SendAsync(Webhooks.Request("pull_request", "delivery-pr", Webhooks.PullRequest("opened", "org/repo", 4, "alice", "sha4")));
        await Poll.UntilAsync(() => pullsOnly.Received.Count == 1 && all.Received.Count == 2);
        Assert.Equal("delivery-pr", pullsOnly.Received[0].Delivery);
        await Poll.UntilAsync(async () => (await prow.Client.GetStringAsync("/metrics")).Contains("prow_ingress_in_flight 0\n", StringComparison.Ordinal));
        Assert.Empty(rebase.Received);

        var metrics = await prow.Client.GetStringAsync("/metrics");
        Assert.Contains($"prow_external_plugin_forwarded_total{{endpoint=\"{all.Address}\",plugin=\"everything\"}} 2", metrics, StringComparison.Ordinal);
        Assert.Contains($"prow_external_plugin_forwarded_total{{endpoint=\"{pullsOnly.Address}\",plugin=\"pulls-only\"}} 1", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PluginHelp_AsksEachExternalPluginsHelp()
    {
        await using var external = await FakeExternalPlugin.StartAsync();
        var plugins = await WritePluginsAsync($"""
            external_plugins:
              org/repo:
              - name: outside
                endpoint: {external.Address}
                events: [issue_comment]
            """);
        await using var prow = await InProcessProw.StartAsync(_folder.Path, o => o with { PluginConfig = plugins });

        var help = JsonDocument.Parse(await prow.Client.GetStringAsync("/plugin-help.js")).RootElement;

        var outside = help.GetProperty("ExternalPluginHelp").GetProperty("outside");
        Assert.Equal("Checks things outside prow.", outside.GetProperty("Description").GetString());
        Assert.Equal("/outside", outside.GetProperty("Commands")[0].GetProperty("Usage").GetString());
        Assert.Equal(["issue_comment"], outside.GetProperty("Events").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("[{\"Org\":\"org\",\"Repo\":\"repo\"}]", Assert.Single(external.HelpRequests));
    }

    [Fact]
    public async Task EndpointRefusingUntilProwIsKilled_ReceivesTheDeliveryExactlyOnceAfterRestart()
    {
        await using var external = await FakeExternalPlugin.StartAsync();
        external.Refusing = true;
        var plugins = await WritePluginsAsync($"""
            external_plugins:
              org:
              - name: outside
                endpoint: {external.Address}
            """);
        await using (var prow = await ProwProcess.StartAsync(_folder.Path, "--plugin-config", plugins))
        {
            var response = await prow.Client.SendAsync(Webhooks.Request("issue_comment", "delivery-kept", Webhooks.IssueComment("org/repo", 7, "hello")));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Poll.UntilAsync(() => external.Received.Count > 0);
            prow.Kill();
            await prow.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.All(external.Received, r => Assert.True(r.Refused));
        external.Refusing = false;
        await using var restarted = await ProwProcess.StartAsync(_folder.Path, "--plugin-config", plugins);
        await Poll.UntilAsync(() => external.Received.Any(r => !r.Refused));
        await Poll.UntilAsync(async () => (await restarted.Client.GetStringAsync("/metrics")).Contains("prow_ingress_in_flight 0\n", StringComparison.Ordinal));

        var taken = Assert.Single(external.Received, r => !r.Refused);
        Assert.Equal("delivery-kept", taken.Delivery);
        Assert.All(external.Received, r => Assert.Equal("delivery-kept", r.Delivery));
    }

    private async Task<string> WritePluginsAsync(string yaml)
    {
        var file = Path.Combine(_folder.Path, "plugins.yaml");
        await File.WriteAllTextAsync(file, yaml);
        return file;
    }
}
