using System.Net;
using Prow.TestKit;
using Prow.TestKit.Metrics;

namespace Prow.Silo.Tests;

/// <summary>
/// Job metrics as Prow gives them, through the real host: the <c>prowjobs</c> gauge counted from the job index, plank's
/// transitions and the exporter's runtime histogram on <c>/metrics</c>, and all of it pushed to a Pushgateway when
/// <c>push_gateway</c> is configured (then <c>/metrics</c> answers only with <c>serve_metrics</c>).
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class JobMetricsTests
{
    private const string Jobs = """
        postsubmits:
          org/repo:
          - name: quick
            spec: {containers: [{image: alpine, command: [sh, -c, "echo quick"]}]}
        """;

    private const string QuickSucceeded = "prowjobs{base_ref=\"main\",job_name=\"quick\",job_namespace=\"default\",org=\"org\",repo=\"repo\",state=\"success\",type=\"postsubmit\"} 1\n";

    [Fact]
    public async Task JobsThatRan_AreCountedUnderProwsNamesAndLabels()
    {
        await using var host = await PluginTestHost.StartAsync(Jobs, "trigger");
        await host.SendAsync("push", Webhooks.Push(PluginTestHost.Repo, "main", "first"));
        await host.SendAsync("push", Webhooks.Push(PluginTestHost.Repo, "main", "second"));
        await host.WaitForStatusesAsync("first", ["quick"], "success");
        await host.WaitForStatusesAsync("second", ["quick"], "success");

        var metrics = await host.Prow.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Contains("# TYPE prowjobs gauge\n", metrics, StringComparison.Ordinal);
        Assert.Contains(QuickSucceeded.Replace("} 1\n", "} 2\n", StringComparison.Ordinal), metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("state=\"pending\",type=\"postsubmit\"} 1", metrics, StringComparison.Ordinal);
        const string labels = "base_ref=\"main\",cluster=\"default\",job_name=\"quick\",job_namespace=\"default\",org=\"org\",repo=\"repo\",retest=\"false\"";
        Assert.Contains($"prowjob_state_transitions{{{labels},state=\"pending\",type=\"postsubmit\"}} 2\n", metrics, StringComparison.Ordinal);
        Assert.Contains($"prowjob_state_transitions{{{labels},state=\"success\",type=\"postsubmit\"}} 2\n", metrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE prow_job_runtime_seconds histogram\n", metrics, StringComparison.Ordinal);
        const string runtime = "base_ref=\"main\",job_name=\"quick\",job_namespace=\"default\",last_state=\"pending\",org=\"org\",repo=\"repo\",state=\"success\",type=\"postsubmit\"";
        Assert.Contains($"prow_job_runtime_seconds_count{{{runtime}}} 2\n", metrics, StringComparison.Ordinal);
        Assert.Contains($"prow_job_runtime_seconds_bucket{{{runtime},le=\"36000\"}} 2\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PushGatewayConfigured_MetricsArePushedAsText_AndNotServedWithoutServeMetrics()
    {
        await using var gateway = await FakePushgateway.StartAsync();
        await using var host = await PluginTestHost.StartAsync(Jobs, "trigger", configYaml: $"push_gateway:\n  endpoint: {gateway.HostAndPort}\n  interval: 1s\n");
        await host.SendAsync("push", Webhooks.Push(PluginTestHost.Repo, "main", "first"));
        await host.WaitForStatusesAsync("first", ["quick"], "success");

        await Poll.UntilAsync(() => gateway.Pushes.Any(p => p.Body.Contains(QuickSucceeded, StringComparison.Ordinal)));

        var push = gateway.Pushes.First(p => p.Body.Contains(QuickSucceeded, StringComparison.Ordinal));
        Assert.Equal(("PUT", $"/metrics/job/prow/instance/{Environment.MachineName}"), (push.Method, push.Path));
        Assert.StartsWith("text/plain; version=0.0.4", push.ContentType, StringComparison.Ordinal);
        Assert.Contains("# TYPE prowjobs gauge\n", push.Body, StringComparison.Ordinal);
        var response = await host.Prow.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PushGatewayWithServeMetrics_AlsoServesMetrics()
    {
        await using var gateway = await FakePushgateway.StartAsync();
        await using var host = await PluginTestHost.StartAsync(Jobs, "trigger", configYaml: $"push_gateway:\n  endpoint: http://{gateway.HostAndPort}/\n  interval: 1s\n  serve_metrics: true\n");

        await Poll.UntilAsync(() => gateway.Pushes.Count > 0);

        Assert.Equal($"/metrics/job/prow/instance/{Environment.MachineName}", gateway.Pushes[0].Path);
        var response = await host.Prow.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
