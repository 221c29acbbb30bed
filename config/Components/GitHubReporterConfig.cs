namespace Prow.Config.Components;

/// <summary>The <c>github_reporter</c> section; job types default to presubmit and postsubmit.</summary>
public sealed record GitHubReporterConfig
{
    public IReadOnlyList<string> JobTypesToReport { get; init; } = ["presubmit", "postsubmit"];
    public IReadOnlyList<string> NoCommentRepos { get; init; } = [];
    public IReadOnlyList<string> SummaryCommentRepos { get; init; } = [];

    /// <summary>
    /// <c>check_run_repos</c>: orgs (<c>org</c>) and repositories (<c>org/repo</c>) whose jobs are reported as GitHub check
    /// runs instead of commit statuses, when prow authenticates as a GitHub App. Not in Prow, which reports statuses only.
    /// </summary>
    public IReadOnlyList<string> CheckRunRepos { get; init; } = [];
    public IReadOnlyDictionary<string, object?> Extra { get; init; } = new Dictionary<string, object?>();
}
