namespace Prow.Config.Components;

/// <summary>The <c>github_reporter</c> section; job types default to presubmit and postsubmit.</summary>
public sealed record GitHubReporterConfig
{
    public IReadOnlyList<string> JobTypesToReport { get; init; } = ["presubmit", "postsubmit"];
    public IReadOnlyList<string> NoCommentRepos { get; init; } = [];
    public IReadOnlyList<string> SummaryCommentRepos { get; init; } = [];
    public IReadOnlyDictionary<string, object?> Extra { get; init; } = new Dictionary<string, object?>();
}
