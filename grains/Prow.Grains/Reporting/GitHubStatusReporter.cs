using Prow.Clients.GitHub;
using Prow.Services.Configuration;

namespace Prow.Grains.Reporting;

/// <summary>
/// Crier's GitHub reporter: the job's state as a commit status under its context, pointing at its log. Aborted
/// reads as failure on GitHub, as in Prow. Which states were already sent is crier's to track. A repository that
/// opted into check runs gets those instead (<see cref="CheckRuns.CheckRunReporter"/>), while prow is a GitHub App.
/// </summary>
public sealed class GitHubStatusReporter(IStatusClient statuses, ICheckRunClient checks, IConfigSource config) : IJobReporter
{
    public const string ReporterName = "github-reporter";

    public string Name => ReporterName;

    /// <summary>GitHub caps status descriptions at 140 characters.</summary>
    private const int MaxDescription = 140;

    public bool ShouldReport(ProwJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Spec.Report
            && job.Spec.Context is { Length: > 0 }
            && Sha(job) is not null
            && config.Current.Prow.GitHubReporter.JobTypesToReport.Contains(job.Spec.Type, StringComparer.Ordinal)
            && !(checks.AuthenticatesAsApp && CheckRuns.CheckRunOptIn.For(config.Current.Prow.GitHubReporter, job.Spec.MainRefs!.Org, job.Spec.MainRefs.Repo));
    }

    public async Task<ReportOutcome> ReportAsync(ProwJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var refs = job.Spec.MainRefs!;
        var description = job.Status.Description ?? "";
        var status = new NewCommitStatus
        {
            State = StateOf(job.Status.State),
            Context = job.Spec.Context!,
            Description = description.Length <= MaxDescription ? description : description[..(MaxDescription - 3)] + "...",
            TargetUrl = job.Status.Url,
        };
        await statuses.CreateStatusAsync(refs.Org, refs.Repo, Sha(job)!, status, cancellationToken);
        return ReportOutcome.Accepted;
    }

    private static string? Sha(ProwJob job) => job.Spec.MainRefs switch
    {
        { Pulls: [var pull, ..] } => pull.Sha,
        { BaseSha: { Length: > 0 } baseSha } => baseSha,
        _ => null,
    };

    private static StatusState StateOf(string state) => state switch
    {
        ProwJobState.Success => StatusState.Success,
        ProwJobState.Failure or ProwJobState.Aborted => StatusState.Failure,
        ProwJobState.Error => StatusState.Error,
        _ => StatusState.Pending,
    };
}
