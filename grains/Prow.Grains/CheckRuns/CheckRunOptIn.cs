using Prow.Config.Components;

namespace Prow.Grains.CheckRuns;

/// <summary>Whether a repository asked for check runs: <c>github_reporter.check_run_repos</c> names it or its org.</summary>
public static class CheckRunOptIn
{
    public static bool For(GitHubReporterConfig reporter, string org, string repo)
    {
        ArgumentNullException.ThrowIfNull(reporter);
        return reporter.CheckRunRepos.Any(entry =>
            string.Equals(entry, org, StringComparison.OrdinalIgnoreCase) || string.Equals(entry, $"{org}/{repo}", StringComparison.OrdinalIgnoreCase));
    }
}
