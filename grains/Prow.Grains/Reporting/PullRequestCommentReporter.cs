using Prow.Services.Configuration;

namespace Prow.Grains.Reporting;

/// <summary>
/// Crier's PR comment: a finished job of one pull request is reported to that pull request's
/// <see cref="ITestReportCommentGrain"/>, which keeps the test report comment as Prow's crier does. Jobs of
/// <c>github_reporter.no_comment_repos</c> (an org or org/repo, compared exactly) are left out, as are batches.
/// </summary>
public sealed class PullRequestCommentReporter(IGrainFactory grains, IConfigSource config) : IJobReporter
{
    public const string ReporterName = "github-comment";

    public string Name => ReporterName;

    public bool ShouldReport(ProwJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var reporter = config.Current.Prow.GitHubReporter;
        return job.Spec is { Report: true, Refs: { Pulls.Count: 1 } refs }
            && job.Status.Complete
            && reporter.JobTypesToReport.Contains(job.Spec.Type, StringComparer.Ordinal)
            && !TestReportCommentGrain.Names(reporter.NoCommentRepos, refs);
    }

    public Task<ReportOutcome> ReportAsync(ProwJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var refs = job.Spec.Refs!;
        return grains.GetGrain<ITestReportCommentGrain>(GrainKeys.PullRequest(refs.Org, refs.Repo, refs.Pulls[0].Number)).ReportAsync(job);
    }
}
