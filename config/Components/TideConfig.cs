namespace Prow.Config.Components;

/// <summary>The <c>tide</c> section.</summary>
public sealed record TideConfig
{
    public TimeSpan SyncPeriod { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Defaults to <see cref="SyncPeriod"/>.</summary>
    public TimeSpan StatusUpdatePeriod { get; init; } = TimeSpan.FromMinutes(1);

    public int MaxGoroutines { get; init; } = 20;
    public IReadOnlyList<TideQuery> Queries { get; init; } = [];

    /// <summary>"org" or "org/repo" → merge, squash or rebase (or per-branch regexes, see <see cref="MergeMethodBranches"/>).</summary>
    public IReadOnlyDictionary<string, string> MergeMethod { get; init; } = new Dictionary<string, string>();

    /// <summary>"org/repo" → branch regex → method, from the nested merge_method form.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> MergeMethodBranches { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    public IReadOnlyDictionary<string, MergeCommitTemplate> MergeCommitTemplate { get; init; } = new Dictionary<string, MergeCommitTemplate>();
    public TideContextOptions ContextOptions { get; init; } = new();

    /// <summary>"*", org or org/repo; 0 = unlimited, -1 = no batches.</summary>
    public IReadOnlyDictionary<string, int> BatchSizeLimit { get; init; } = new Dictionary<string, int>();

    /// <summary>"*", org or org/repo; unset means true.</summary>
    public IReadOnlyDictionary<string, bool> PrioritizeExistingBatches { get; init; } = new Dictionary<string, bool>();

    /// <summary>
    /// <c>bisect_failed_batches</c> (not in Prow): "*", org or org/repo → whether a failed batch's halves are tested to
    /// find the culprit; unset means false, as under Prow.
    /// </summary>
    public IReadOnlyDictionary<string, bool> BisectFailedBatches { get; init; } = new Dictionary<string, bool>();

    public IReadOnlyList<IReadOnlyList<string>> Priority { get; init; } = [];
    public string? SquashLabel { get; init; }
    public string? RebaseLabel { get; init; }
    public string? MergeLabel { get; init; }
    public string? BlockerLabel { get; init; }
    public IReadOnlyDictionary<string, string> TargetUrls { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> PrStatusBaseUrls { get; init; } = new Dictionary<string, string>();
    public bool DisplayAllQueriesInStatus { get; init; }
    /// <summary>"*", org or org/repo → ignore, permit or block; unset means permit.</summary>
    public IReadOnlyDictionary<string, string> GitHubMergeBlocksPolicy { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, object?> Extra { get; init; } = new Dictionary<string, object?>();

    public string MergeMethodFor(string org, string repo, string branch)
    {
        if (MergeMethodBranches.TryGetValue($"{org}/{repo}", out var branches))
        {
            foreach (var (pattern, method) in branches)
            {
                if (GoRegex.TryCompile($"^(?:{pattern})$", out var re, out _) && re!.IsMatch(branch))
                {
                    return method;
                }
            }
        }

        return MergeMethod.GetValueOrDefault($"{org}/{repo}") ?? MergeMethod.GetValueOrDefault(org) ?? "merge";
    }

    public MergeCommitTemplate? MergeCommitTemplateFor(string org, string repo) =>
        MergeCommitTemplate.GetValueOrDefault($"{org}/{repo}") ?? MergeCommitTemplate.GetValueOrDefault(org);

    public bool PrioritizeExistingBatchesFor(string org, string repo) =>
        Narrowest(PrioritizeExistingBatches, org, repo, true);

    public bool BisectFailedBatchesFor(string org, string repo) =>
        Narrowest(BisectFailedBatches, org, repo, false);

    public string GitHubMergeBlocksPolicyFor(string org, string repo) =>
        Narrowest(GitHubMergeBlocksPolicy, org, repo, "permit");

    public int BatchSizeLimitFor(string org, string repo) =>
        BatchSizeLimit.TryGetValue($"{org}/{repo}", out var r) ? r
        : BatchSizeLimit.TryGetValue(org, out var o) ? o
        : BatchSizeLimit.GetValueOrDefault("*");

    private static T Narrowest<T>(IReadOnlyDictionary<string, T> map, string org, string repo, T fallback) =>
        map.TryGetValue($"{org}/{repo}", out var r) ? r
        : map.TryGetValue(org, out var o) ? o
        : map.TryGetValue("*", out var all) ? all
        : fallback;
}
