using Prow.Config.Components;
using Prow.Config.Jobs;

namespace Prow.Grains.Reporting;

/// <summary>
/// Which jobs Prow's Slack reporter reports, and where: <c>slack_reporter_configs</c> for the job's repository
/// (<c>org/repo</c>, else <c>org</c>, else <c>*</c>; a job without refs reads its first extra ref) gives the
/// defaults, the job's <c>reporter_config.slack</c> overrides them field by field. A job is reported when its state
/// is one of the merged <c>job_states_to_report</c> and either its type is one of the configured
/// <c>job_types_to_report</c> or it names a channel itself; <c>report: false</c> stops it.
/// </summary>
public static class SlackReportPolicy
{
    public const string DefaultTemplate = "Job {{.Spec.Job}} of type {{.Spec.Type}} ended with state {{.Status.State}}. <{{.Status.URL}}|View logs>";

    /// <summary>Prow's name for the host of <c>--slack-token-file</c>.</summary>
    public const string DefaultHost = "*";

    public static bool ShouldReport(ProwConfig prow, ProwJob job)
    {
        ArgumentNullException.ThrowIfNull(prow);
        ArgumentNullException.ThrowIfNull(job);
        var global = GlobalFor(prow, job);
        var own = job.Spec.ReporterConfig?.Slack;
        var typeReported = global?.JobTypesToReport.Contains(job.Spec.Type, StringComparer.Ordinal) == true;
        var jobReported = !string.IsNullOrEmpty(own?.Channel);
        var merged = Merge(own, global);
        if (merged?.JobStatesToReport is not { } states)
        {
            return false;
        }

        return merged.Report != false && states.Contains(job.Status.State, StringComparer.Ordinal) && (typeReported || jobReported);
    }

    /// <summary>The job's Slack config over the configured defaults (Prow's <c>ApplyDefault</c>); null when neither exists.</summary>
    public static SlackReporterConfig? Resolve(ProwConfig prow, ProwJob job)
    {
        ArgumentNullException.ThrowIfNull(prow);
        ArgumentNullException.ThrowIfNull(job);
        return Merge(job.Spec.ReporterConfig?.Slack, GlobalFor(prow, job));
    }

    private static SlackJobReporter? GlobalFor(ProwConfig prow, ProwJob job) =>
        job.Spec.MainRefs is { } refs ? prow.SlackReporterFor(refs.Org, refs.Repo) : prow.SlackReporterConfigs.GetValueOrDefault("*");

    private static SlackReporterConfig? Merge(SlackReporterConfig? own, SlackJobReporter? global)
    {
        var defaults = global is null ? null : new SlackReporterConfig
        {
            Host = global.Host,
            Channel = global.Channel,
            JobStatesToReport = global.JobStatesToReport.Count > 0 ? global.JobStatesToReport : null,
            ReportTemplate = global.ReportTemplate ?? DefaultTemplate,
            Report = global.Report,
        };
        if (own is null || defaults is null)
        {
            return own ?? defaults;
        }

        return new SlackReporterConfig
        {
            Host = string.IsNullOrEmpty(own.Host) ? defaults.Host : own.Host,
            Channel = string.IsNullOrEmpty(own.Channel) ? defaults.Channel : own.Channel,
            JobStatesToReport = own.JobStatesToReport is { Count: > 0 } states ? states : defaults.JobStatesToReport,
            ReportTemplate = string.IsNullOrEmpty(own.ReportTemplate) ? defaults.ReportTemplate : own.ReportTemplate,
            Report = own.Report ?? defaults.Report,
        };
    }
}
