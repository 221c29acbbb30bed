using Microsoft.Extensions.Logging;
using Prow.Clients.Slack;
using Prow.GoTemplates;
using Prow.Grains.ProwJobs;
using Prow.Services.Configuration;

namespace Prow.Grains.Reporting;

/// <summary>
/// Crier's Slack reporter (<see cref="SlackReportPolicy"/> picks the jobs and the channel): the job's
/// <c>report_template</c> rendered for it, posted with <c>chat.postMessage</c>. Slack's trouble (5xx, rate limits, no
/// answer) is tried again by crier; a refusal that will not change (an unknown channel, a bad token, another Slack
/// host than <c>--slack-token-file</c>'s, a template that fails on the job) is logged and dropped.
/// </summary>
public sealed partial class SlackReporter(SlackClient slack, IConfigSource config, ILogger<SlackReporter> logger) : IJobReporter
{
    public const string ReporterName = "slackreporter";

    public string Name => ReporterName;

    public bool ShouldReport(ProwJob job) => SlackReportPolicy.ShouldReport(config.Current.Prow, job);

    public async Task<ReportOutcome> ReportAsync(ProwJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var settings = SlackReportPolicy.Resolve(config.Current.Prow, job);
        var host = string.IsNullOrEmpty(settings?.Host) ? SlackReportPolicy.DefaultHost : settings.Host;
        if (settings is not { Channel: { Length: > 0 } channel } || host != SlackReportPolicy.DefaultHost)
        {
            LogNotReported(logger, job.Id, host == SlackReportPolicy.DefaultHost ? "no channel is configured" : $"host '{host}' not supported");
            return ReportOutcome.Dropped;
        }

        string text;
        try
        {
            var template = string.IsNullOrEmpty(settings.ReportTemplate) ? SlackReportPolicy.DefaultTemplate : settings.ReportTemplate;
            text = GoTemplate.Parse("SlackReport", template).Execute(ProwJobTemplateData.For(job));
        }
        catch (GoTemplateException ex)
        {
            LogNotReported(logger, job.Id, "failed to execute report template: " + ex.Message);
            return ReportOutcome.Dropped;
        }

        try
        {
            await slack.PostMessageAsync(channel, text, cancellationToken);
            return ReportOutcome.Accepted;
        }
        catch (SlackApiException ex) when (!ex.Transient)
        {
            LogNotReported(logger, job.Id, ex.Message);
            return ReportOutcome.Dropped;
        }
    }

    [LoggerMessage(EventId = 4113, Level = LogLevel.Error, Message = "ProwJob {JobId} not reported to Slack: {Reason}")]
    private static partial void LogNotReported(ILogger logger, string jobId, string reason);
}
