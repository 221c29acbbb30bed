using System.Net;
using Microsoft.Extensions.Logging;
using Prow.Clients.GitHub;
using Prow.Config.Components;
using Prow.GoTemplates;
using Prow.Grains.Plugins.Framework;
using Prow.Services.Configuration;
using Prow.Services.JobIndex;

namespace Prow.Grains.Reporting;

/// <summary>
/// Crier's test report comment on one pull request (<see cref="TestReportComment"/> decides, this grain carries it
/// out). Under <c>github_reporter.summary_comment_repos</c> the comment sums up the latest run of every job of the
/// pull request once none is running, "all tests passed" included, as Prow's crier does.
/// </summary>
public sealed partial class TestReportCommentGrain(
    IIssueClient issues,
    BotIdentity bot,
    IConfigSource config,
    IProwJobIndex index,
    ILogger<TestReportCommentGrain> logger) : Grain, ITestReportCommentGrain
{
    async Task<ReportOutcome> ITestReportCommentGrain.ReportAsync(ProwJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            return await ReportAsync(job);
        }
        catch (Exception ex) when (ex is GitHubApiException or HttpRequestException or TaskCanceledException or TimeoutException or IOException)
        {
            var outcome = ReportFailures.Classify(ex);
            LogCommentFailed(logger, this.GetPrimaryKeyString(), job.Id, outcome, ex.Message);
            return outcome;
        }
    }

    private async Task<ReportOutcome> ReportAsync(ProwJob job)
    {
        var snapshot = config.Current;
        var reporter = snapshot.Prow.GitHubReporter;
        var refs = job.Spec.Refs!;
        var summary = Names(reporter.SummaryCommentRepos, refs);
        IReadOnlyList<ProwJob> jobs = summary ? await SummaryJobsAsync(job) : [job];
        jobs = [.. jobs.Where(j => j.Spec.Report && j.Status.Complete && reporter.JobTypesToReport.Contains(j.Spec.Type, StringComparer.Ordinal))];
        if (jobs.Count == 0)
        {
            return ReportOutcome.Accepted;
        }

        var login = await bot.LoginAsync(CancellationToken.None);
        if (login.Length == 0)
        {
            // Without the bot's login its earlier comments cannot be told from anyone's: a new one would pile up.
            return ReportOutcome.Retry;
        }

        var pull = refs.Pulls[0];
        var comments = await issues.ListIssueCommentsAsync(refs.Org, refs.Repo, pull.Number, CancellationToken.None);
        var plan = TestReportComment.PlanFor(jobs, candidate => IsBot(login, candidate), comments);
        foreach (var id in plan.Deletes)
        {
            try
            {
                await issues.DeleteCommentAsync(refs.Org, refs.Repo, id, CancellationToken.None);
            }
            catch (GitHubApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                // Already gone (an earlier attempt deleted it before failing later on): what was wanted.
            }
        }

        var aborted = jobs.Any(j => j.Status.State == ProwJobState.Aborted);
        if (plan.Entries.Count == 0 && !(summary && !aborted))
        {
            return ReportOutcome.Accepted;
        }

        string body;
        try
        {
            body = TestReportComment.Render(TemplateFor(snapshot.Prow.Plank, refs), jobs, plan.Entries);
        }
        catch (GoTemplateException ex)
        {
            // The config's template fails on this job: retrying cannot help, the next job sees a corrected config.
            LogTemplateFailed(logger, this.GetPrimaryKeyString(), job.Id, ex.Message);
            return ReportOutcome.Dropped;
        }

        if (plan.UpdateId is { } update)
        {
            await issues.EditCommentAsync(refs.Org, refs.Repo, update, body, CancellationToken.None);
        }
        else
        {
            await issues.CreateCommentAsync(refs.Org, refs.Repo, pull.Number, body, CancellationToken.None);
        }

        return ReportOutcome.Accepted;
    }

    /// <summary>Whether a list of <c>org</c> and <c>org/repo</c> names the job's repository (Prow compares exactly).</summary>
    public static bool Names(IReadOnlyList<string> idents, ProwJobRefs refs)
    {
        ArgumentNullException.ThrowIfNull(idents);
        ArgumentNullException.ThrowIfNull(refs);
        var fullRepo = $"{refs.Org}/{refs.Repo}";
        return idents.Any(i => i == refs.Org || i == fullRepo);
    }

    /// <summary>plank's report_templates: the repository's, else its org's, else <c>*</c>'s; null when none is configured.</summary>
    public static GoTemplate? TemplateFor(PlankConfig plank, ProwJobRefs refs)
    {
        ArgumentNullException.ThrowIfNull(plank);
        ArgumentNullException.ThrowIfNull(refs);
        var text = plank.ReportTemplates.GetValueOrDefault($"{refs.Org}/{refs.Repo}")
            ?? plank.ReportTemplates.GetValueOrDefault(refs.Org)
            ?? plank.ReportTemplates.GetValueOrDefault("*");
        return text is null ? null : GoTemplate.Parse("Report", text);
    }

    /// <summary>
    /// The latest run of each reported job of the pull request, or none while any of its jobs is still running.
    /// The job being reported is taken as given: the index may not hold its newest state yet.
    /// </summary>
    private async Task<IReadOnlyList<ProwJob>> SummaryJobsAsync(ProwJob job)
    {
        var refs = job.Spec.Refs!;
        var query = new ProwJobQuery { Repo = $"{refs.Org}/{refs.Repo}", Pull = refs.Pulls[0].Number, Limit = ProwJobQuery.MaxLimit };
        var all = (await index.ListJobsAsync(query, CancellationToken.None)).Where(j => j.Id != job.Id).Append(job).ToList();
        if (all.Any(j => !j.Status.Complete))
        {
            return [];
        }

        return [.. all.Where(j => j.Spec.Report)
            .GroupBy(j => j.Spec.Job, StringComparer.Ordinal)
            .Select(g => g.MaxBy(j => j.Metadata.CreationTimestamp)!)];
    }

    /// <summary>The bot's comments: its login, or as a GitHub App its <c>[bot]</c> account.</summary>
    private static bool IsBot(string login, string candidate) =>
        string.Equals(candidate, login, StringComparison.OrdinalIgnoreCase)
        || string.Equals(candidate.EndsWith("[bot]", StringComparison.Ordinal) ? candidate[..^"[bot]".Length] : candidate, login, StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Warning, Message = "Test report comment on {PullRequest} for ProwJob {JobId} failed ({Outcome}): {Cause}")]
    private static partial void LogCommentFailed(ILogger logger, string pullRequest, string jobId, ReportOutcome outcome, string cause);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Error, Message = "Test report comment on {PullRequest} for ProwJob {JobId} not posted: plank's report template failed: {Error}")]
    private static partial void LogTemplateFailed(ILogger logger, string pullRequest, string jobId, string error);
}
