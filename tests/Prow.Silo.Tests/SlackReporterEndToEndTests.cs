using Microsoft.Extensions.DependencyInjection;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Services.JobIndex;
using Prow.TestKit;
using Prow.TestKit.Slack;

namespace Prow.Silo.Tests;

/// <summary>
/// Crier's Slack reporter against a fake Slack on loopback: a failing job with reporter_config.slack is posted to its
/// own channel with its own template, one matched by slack_reporter_configs to the configured channel with Prow's
/// default template; a message Slack refused for an outage is retried by crier and lands once.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class SlackReporterEndToEndTests
{
    [Fact]
    public async Task FailingJobs_ArePostedToSlack_ThroughAnOutage_Once()
    {
        using var folder = new TempFolder();
        await using var slack = await FakeSlackServer.StartAsync("xoxb-test", "ci-alerts", "test-failures");
        slack.FailNext(1);
        var tokenFile = Path.Combine(folder.Path, "slack-token");
        await File.WriteAllTextAsync(tokenFile, "xoxb-test\n");

        await using var host = await PluginTestHost.StartAsync("""
            periodics:
            - name: nightly-e2e
              interval: 24h
              reporter_config:
                slack:
                  channel: ci-alerts
                  job_states_to_report: [failure]
                  report_template: '{{.Spec.Job}} ended in {{.Status.State}}: <{{.Status.URL}}|logs>'
              spec: {containers: [{image: alpine, command: [sh, -c, "exit 2"]}]}
            - name: nightly-build
              interval: 24h
              spec: {containers: [{image: alpine, command: [sh, -c, "exit 1"]}]}
            - name: nightly-green
              interval: 24h
              spec: {containers: [{image: alpine, command: ["true"]}]}
            """, "trigger", configYaml: """
            slack_reporter_configs:
              '*':
                job_types_to_report: [periodic]
                job_states_to_report: [failure, error]
                channel: test-failures
            """, configure: o => o with { SlackTokenFile = tokenFile, SlackEndpoint = slack.BaseAddress });

        await Poll.UntilAsync(() => slack.Messages.Count >= 2, seconds: 90);
        var index = host.Prow.Services.GetRequiredService<IProwJobIndex>();
        IReadOnlyList<ProwJob> jobs = [];
        await Poll.UntilAsync(async () => (jobs = await index.ListJobsAsync(new ProwJobQuery { Type = "periodic" }, CancellationToken.None)).Count == 3 && jobs.All(j => j.Status.Complete));
        foreach (var job in jobs)
        {
            await Poll.UntilAsync(async () => (await host.Prow.Grains.GetGrain<ICrierGrain>(job.Id).OwedAsync()).Count == 0);
        }

        Assert.True(slack.Refused >= 1);
        Assert.Equal(2, slack.Messages.Count);
        var e2e = jobs.Single(j => j.Spec.Job == "nightly-e2e");
        var build = jobs.Single(j => j.Spec.Job == "nightly-build");
        var own = Assert.Single(slack.Messages, m => m.Channel == "ci-alerts");
        Assert.Equal($"nightly-e2e ended in failure: <{e2e.Status.Url}|logs>", own.Text);
        var global = Assert.Single(slack.Messages, m => m.Channel == "test-failures");
        Assert.Equal($"Job nightly-build of type periodic ended with state failure. <{build.Status.Url}|View logs>", global.Text);
        Assert.All(slack.Messages, m => Assert.Equal(("prow", ":prow:"), (m.Username, m.IconEmoji)));
    }
}
