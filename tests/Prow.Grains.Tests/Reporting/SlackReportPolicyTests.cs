using Prow.GrainInterfaces.ProwJobs;
using Prow.Grains.ProwJobs;
using Prow.Grains.Reporting;

namespace Prow.Grains.Tests.Reporting;

/// <summary>Which jobs Prow's Slack reporter reports, and where, from slack_reporter_configs and a job's reporter_config.slack.</summary>
public sealed class SlackReportPolicyTests : IDisposable
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
    private readonly YamlConfig _yaml = new();

    private const string Config = """
        slack_reporter_configs:
          '*':
            job_types_to_report: [postsubmit, periodic]
            job_states_to_report: [failure, error]
            channel: test-failures
          org:
            job_types_to_report: [postsubmit]
            job_states_to_report: [failure]
            channel: org-failures
            report_template: 'org {{.Spec.Job}}'
          org/special:
            job_types_to_report: []
            job_states_to_report: [failure]
            channel: special
        """;

    private const string Jobs = """
        periodics:
        - name: plain
          interval: 1h
          spec: {containers: [{image: alpine}]}
        - name: own-channel
          interval: 1h
          reporter_config:
            slack:
              channel: my-channel
              job_states_to_report: [success, failure]
              report_template: 'mine {{.Status.State}}'
          spec: {containers: [{image: alpine}]}
        - name: silenced
          interval: 1h
          reporter_config:
            slack:
              job_states_to_report: []
          spec: {containers: [{image: alpine}]}
        postsubmits:
          org/repo:
          - name: push
            spec: {containers: [{image: alpine}]}
          org/special:
          - name: special-push
            spec: {containers: [{image: alpine}]}
          - name: special-own
            reporter_config:
              slack:
                channel: special-own
            spec: {containers: [{image: alpine}]}
        """;

    public void Dispose() => _yaml.Dispose();

    [Fact]
    public void TheGlobalConfig_ReportsTheTypesAndStatesItLists()
    {
        var config = _yaml.Load(Config, Jobs);
        var periodic = Periodic(config, "plain");

        Assert.True(SlackReportPolicy.ShouldReport(config.Prow, periodic with { Status = periodic.Status with { State = ProwJobState.Failure } }));
        Assert.True(SlackReportPolicy.ShouldReport(config.Prow, periodic with { Status = periodic.Status with { State = ProwJobState.Error } }));
        Assert.False(SlackReportPolicy.ShouldReport(config.Prow, periodic with { Status = periodic.Status with { State = ProwJobState.Success } }));
        Assert.Equal("test-failures", SlackReportPolicy.Resolve(config.Prow, periodic)!.Channel);
        Assert.Equal(SlackReportPolicy.DefaultTemplate, SlackReportPolicy.Resolve(config.Prow, periodic)!.ReportTemplate);
    }

    [Fact]
    public void AJobsOwnConfig_OverridesFieldByField_AndItsChannelMakesItReportedWhateverItsType()
    {
        var config = _yaml.Load(Config, Jobs);
        var own = Periodic(config, "own-channel");

        Assert.True(SlackReportPolicy.ShouldReport(config.Prow, own with { Status = own.Status with { State = ProwJobState.Success } }));
        Assert.False(SlackReportPolicy.ShouldReport(config.Prow, own with { Status = own.Status with { State = ProwJobState.Error } }));
        var resolved = SlackReportPolicy.Resolve(config.Prow, own)!;
        Assert.Equal(("my-channel", "mine {{.Status.State}}"), (resolved.Channel, resolved.ReportTemplate));

        var special = Postsubmit(config, "org", "special", "special-own", ProwJobState.Failure);
        Assert.True(SlackReportPolicy.ShouldReport(config.Prow, special));
        Assert.Equal("special-own", SlackReportPolicy.Resolve(config.Prow, special)!.Channel);
    }

    [Fact]
    public void EmptyJobStatesToReport_InAJob_SilencesIt()
    {
        var config = _yaml.Load(Config, Jobs);
        var silenced = Periodic(config, "silenced");

        Assert.False(silenced.Spec.ReporterConfig!.Slack!.Report);
        Assert.False(SlackReportPolicy.ShouldReport(config.Prow, silenced with { Status = silenced.Status with { State = ProwJobState.Failure } }));
    }

    [Fact]
    public void TheRepositorysConfig_WinsOverItsOrgs_WhichWinsOverTheGlobalOne()
    {
        var config = _yaml.Load(Config, Jobs);

        var push = Postsubmit(config, "org", "repo", "push", ProwJobState.Failure);
        Assert.True(SlackReportPolicy.ShouldReport(config.Prow, push));
        Assert.Equal(("org-failures", "org {{.Spec.Job}}"), (SlackReportPolicy.Resolve(config.Prow, push)!.Channel, SlackReportPolicy.Resolve(config.Prow, push)!.ReportTemplate));
        Assert.False(SlackReportPolicy.ShouldReport(config.Prow, Postsubmit(config, "org", "repo", "push", ProwJobState.Error)));

        // org/special reports no job type: only jobs naming a channel themselves are reported there.
        Assert.False(SlackReportPolicy.ShouldReport(config.Prow, Postsubmit(config, "org", "special", "special-push", ProwJobState.Failure)));
    }

    [Fact]
    public void WithoutAnySlackConfig_NothingIsReported()
    {
        var config = _yaml.Load(null, Jobs);
        var periodic = Periodic(config, "plain");

        Assert.False(SlackReportPolicy.ShouldReport(config.Prow, periodic with { Status = periodic.Status with { State = ProwJobState.Failure } }));
        Assert.Null(SlackReportPolicy.Resolve(config.Prow, periodic));
    }

    private static ProwJob Periodic(Prow.Config.ConfigSnapshot config, string name) =>
        ProwJobFactory.Periodic(config, config.Jobs.Periodics.Single(p => p.Name == name), "id-" + name, s_now);

    private static ProwJob Postsubmit(Prow.Config.ConfigSnapshot config, string org, string repo, string name, string state)
    {
        var job = ProwJobFactory.Postsubmit(config, config.Jobs.PostsubmitsFor(org, repo).Single(p => p.Name == name), org, repo, "main", "abc", "id-" + name, s_now);
        return job with { Status = job.Status with { State = state } };
    }
}
