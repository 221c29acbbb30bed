using Prow.Clients.GitHub;
using Prow.Grains.Reporting;
using Prow.Services.Configuration;

namespace Prow.Grains.CheckRuns;

/// <summary>
/// Crier's check-run reporter, beside the commit status, for repositories that opt in (<c>github_reporter.check_run_repos</c>)
/// while prow authenticates as a GitHub App: one check run per job, named after its context and carrying the job's id as
/// <c>external_id</c>, queued when triggered, in progress when pending, completed with its conclusion. A failed job's
/// JUnit failures become annotations, 50 a request as GitHub takes them. Each report finds the job's run on the commit
/// first, so a report retried after GitHub took it updates that run instead of making a second, and sends only the
/// annotations the run does not have yet (GitHub appends what it is sent).
/// </summary>
public sealed class CheckRunReporter(ICheckRunClient checks, IConfigSource config, JobJUnitReports junit, TimeProvider time) : IJobReporter
{
    public const string ReporterName = "github-check-run";

    public string Name => ReporterName;

    public bool ShouldReport(ProwJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var reporter = config.Current.Prow.GitHubReporter;
        return checks.AuthenticatesAsApp
            && job.Spec is { Report: true, Context.Length: > 0, MainRefs: { } refs }
            && Sha(job) is not null
            && reporter.JobTypesToReport.Contains(job.Spec.Type, StringComparer.Ordinal)
            && CheckRunOptIn.For(reporter, refs.Org, refs.Repo);
    }

    public async Task<ReportOutcome> ReportAsync(ProwJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var refs = job.Spec.MainRefs!;
        var sha = Sha(job)!;
        var context = job.Spec.Context!;
        IReadOnlyList<CheckRunAnnotation> annotations = job.Status.State is ProwJobState.Failure or ProwJobState.Error
            ? [.. (await junit.FailuresAsync(job, cancellationToken)).Select(CheckRunContent.Annotation)]
            : [];
        var existing = (await checks.ListCheckRunsNamedAsync(refs.Org, refs.Repo, sha, context, cancellationToken)).FirstOrDefault(r => r.ExternalId == job.Id);
        var unsent = annotations.Skip(existing?.Output?.AnnotationsCount ?? 0).ToList();
        var output = new CheckRunOutput
        {
            Title = CheckRunContent.Title(job),
            Summary = CheckRunContent.Summary(job, annotations.Count, time.GetUtcNow()),
            Annotations = unsent.Count > 0 ? [.. unsent.Take(CheckRunContent.AnnotationsPerRequest)] : null,
        };
        var body = new CheckRunBody
        {
            Status = CheckRunContent.Status(job),
            Conclusion = CheckRunContent.Conclusion(job),
            DetailsUrl = job.Status.Url,
            ExternalId = job.Id,
            StartedAt = job.Status.PendingTime ?? job.Status.StartTime,
            CompletedAt = job.Status.CompletionTime,
            Output = output,
        };

        var run = existing is null
            ? await checks.CreateCheckRunAsync(refs.Org, refs.Repo, body with { Name = context, HeadSha = sha }, cancellationToken)
            : await checks.UpdateCheckRunAsync(refs.Org, refs.Repo, existing.Id, body, cancellationToken);
        foreach (var more in unsent.Skip(CheckRunContent.AnnotationsPerRequest).Chunk(CheckRunContent.AnnotationsPerRequest))
        {
            await checks.UpdateCheckRunAsync(refs.Org, refs.Repo, run.Id, new CheckRunBody { Output = output with { Annotations = more } }, cancellationToken);
        }

        return ReportOutcome.Accepted;
    }

    private static string? Sha(ProwJob job) => job.Spec.MainRefs switch
    {
        { Pulls: [var pull, ..] } when pull.Sha.Length > 0 => pull.Sha,
        { BaseSha: { Length: > 0 } baseSha } => baseSha,
        _ => null,
    };
}
