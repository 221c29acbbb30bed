using System.Diagnostics.Metrics;

namespace Prow.Clients.Tests.GitHub;

public sealed class MetricsTests
{
    private static readonly CancellationToken _none = CancellationToken.None;

    [Fact]
    public async Task Requests_AreCountedByTemplateAndStatus_CacheHitsAndRateGaugeToo()
    {
        await using var h = await GitHubHarness.StartAsync();
        h.FakeRepo.AddPullRequest(12, "t", "alice", "s");
        var measurements = new List<(string Name, long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, h.Client.Metrics.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (measurements)
            {
                measurements.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
            }
        });
        listener.Start();

        await h.Client.GetPullRequestAsync("org", "repo", 12, _none);
        await h.Client.GetPullRequestAsync("org", "repo", 12, _none);
        listener.RecordObservableInstruments();

        var requests = measurements.Where(m => m.Name == "github_requests_total").ToList();
        Assert.Equal(["200", "304"], requests.Select(r => r.Tags["status"]));
        Assert.All(requests, r => Assert.Equal(("GET", "/repos/{owner}/{repo}/pulls/{number}"), (r.Tags["method"], r.Tags["endpoint"])));
        Assert.Single(measurements, m => m.Name == "github_cache_hits_total");
        var gauge = Assert.Single(measurements, m => m.Name == "github_rate_limit_remaining");
        Assert.Equal(("core", (long)h.Server.RateLimit().Remaining), (gauge.Tags["resource"], gauge.Value));
        Assert.Equal("Prow.GitHub", h.Client.Metrics.Meter.Name);
    }
}
