using Prow.Grains.ProwJobs;
using Prow.Services.Configuration;

namespace Prow.Grains.Reporting;

/// <summary>
/// Crier's PR comment: a finished presubmit's result goes to its pull request's grain, which keeps the one
/// failure comment current. Accepted once GitHub holds what the comment should say.
/// </summary>
public sealed class PullRequestCommentReporter(IGrainFactory grains, IConfigSource config) : IJobReporter
{
    public const string ReporterName = "github-comment";

    public string Name => ReporterName;

    public bool ShouldReport(ProwJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var reporter = config.Current.Prow.GitHubReporter;
        return job.Spec is { Type: ProwJobType.Presubmit, Report: true, Refs: { Pulls.Count: 1 } refs }
            && job.Status.Complete
            && reporter.JobTypesToReport.Contains(ProwJobType.Presubmit, StringComparer.Ordinal)
            && !reporter.NoCommentRepos.Contains(refs.Org, StringComparer.OrdinalIgnoreCase)
            && !reporter.NoCommentRepos.Contains($"{refs.Org}/{refs.Repo}", StringComparer.OrdinalIgnoreCase);
    }

    public async Task<ReportOutcome> ReportAsync(ProwJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var refs = job.Spec.Refs!;
        var pull = refs.Pulls[0];
        var required = job.Metadata.Labels.GetValueOrDefault(ProwJobLabels.IsOptional) != "true";
        var outcome = new JobOutcome(job.Spec.Job, job.Spec.Context ?? job.Spec.Job, pull.Sha, job.Status.State, job.Status.Url, required, job.Spec.RerunCommand, pull.Author);
        var synced = await grains.GetGrain<IPullRequestGrain>(GrainKeys.PullRequest(refs.Org, refs.Repo, pull.Number)).OnJobFinishedAsync(outcome);
        return synced ? ReportOutcome.Accepted : ReportOutcome.Retry;
    }
}
