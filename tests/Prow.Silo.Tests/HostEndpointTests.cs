using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Prow.Silo.Tests;

public sealed class HostEndpointTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private InProcessProw _prow = null!;

    public async Task InitializeAsync() => _prow = await InProcessProw.StartAsync(_folder.Path);

    public async Task DisposeAsync()
    {
        await _prow.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Healthz_And_Ready_Answer200()
    {
        Assert.Equal("ok", await _prow.Client.GetStringAsync("/healthz"));
        Assert.Equal("ready", await _prow.Client.GetStringAsync("/healthz/ready"));
    }

    [Fact]
    public async Task AdminApi_WithoutToken401_WithTokenReadsGrainState()
    {
        await _prow.Client.SendAsync(Webhooks.Request("issue_comment", "a-1", Webhooks.IssueComment("org/admin", 1, "x")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await _prow.Client.GetAsync("/admin/api/stats")).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/api/grains/repository/org%2Fadmin");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "admin-secret");
        JsonElement state = default;
        for (var i = 0; i < 100; i++)
        {
            using var attempt = new HttpRequestMessage(HttpMethod.Get, request.RequestUri) { Headers = { Authorization = request.Headers.Authorization } };
            var response = await _prow.Client.SendAsync(attempt);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                state = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                break;
            }

            await Task.Delay(50);
        }

        Assert.Equal("repository", state[0].GetProperty("stateName").GetString());
        Assert.Equal(1, state[0].GetProperty("state").GetProperty("Deliveries").GetProperty("Count").GetInt64());

        using var stats = new HttpRequestMessage(HttpMethod.Get, "/admin/api/stats");
        stats.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "admin-secret");
        var statsJson = JsonDocument.Parse(await (await _prow.Client.SendAsync(stats)).Content.ReadAsStringAsync()).RootElement;
        Assert.True(statsJson.GetProperty("activations").GetInt32() >= 1);
    }
}

public sealed class MetricsIsolationTests
{
    [Fact]
    public async Task TwoHostsInOneProcess_EachExportsOnlyItsOwnMeters()
    {
        using var folderA = new TempFolder();
        using var folderB = new TempFolder();
        await using var a = await InProcessProw.StartAsync(folderA.Path);
        await using var b = await InProcessProw.StartAsync(folderB.Path);

        Assert.Equal(HttpStatusCode.OK, (await a.Client.SendAsync(Webhooks.Request("issue_comment", "iso-1", Webhooks.IssueComment("org/iso", 1, "x")))).StatusCode);

        var metricsA = await a.Client.GetStringAsync("/metrics");
        var metricsB = await b.Client.GetStringAsync("/metrics");
        Assert.Contains("prow_ingress_accepted_total 1\n", metricsA, StringComparison.Ordinal);
        Assert.Contains("prow_ingress_accepted_total 0\n", metricsB, StringComparison.Ordinal);
        Assert.Single(metricsA.Split('\n'), line => line.StartsWith("# TYPE prow_ingress_accepted_total", StringComparison.Ordinal));
    }
}
