using System.Globalization;
using Prow.Services.JobIndex;

namespace Prow.Web.Jobs;

/// <summary>Where the site's pages for a job are, and its pull request on GitHub.</summary>
public static class JobLinks
{
    public static string View(string id) => $"/view/{Uri.EscapeDataString(id)}";

    public static string History(string job) => $"/job-history/{Uri.EscapeDataString(job)}";

    public static string? PullRequestPage(ProwJobSummary job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job is { Repo: { } repo, Pull: { } pull } ? PullRequestPage(repo, pull) : null;
    }

    /// <summary>The site's page of a pull request's jobs (<paramref name="repo"/> is org/repo).</summary>
    public static string PullRequestPage(string repo, int pull) => $"/pr/{repo}/{pull.ToString(CultureInfo.InvariantCulture)}";

    public static string? GitHubPullRequest(ProwJobSummary job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job is { Repo: { } repo, Pull: { } pull } ? GitHubPullRequest(repo, pull) : null;
    }

    public static string GitHubPullRequest(string repo, int pull) => $"https://github.com/{repo}/pull/{pull.ToString(CultureInfo.InvariantCulture)}";

    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "",
        { TotalHours: >= 1 } d => $"{(int)d.TotalHours}h{d.Minutes:00}m",
        { TotalMinutes: >= 1 } d => $"{(int)d.TotalMinutes}m{d.Seconds:00}s",
        { } d => $"{d.TotalSeconds:0}s",
    };

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
