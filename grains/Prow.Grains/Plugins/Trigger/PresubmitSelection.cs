using System.Text.RegularExpressions;
using Prow.Config.Jobs;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Trigger;

/// <summary>Which presubmits a pull request gets, as Prow's trigger decides (pkg/pjutil FilterPresubmits).</summary>
internal static partial class PresubmitSelection
{
    [GeneratedRegex(@"(?mi)^/test\s+all,?(\s.*)?$")]
    public static partial Regex TestAll();

    /// <summary>What runs without being asked for by name: always_run, and run_if_changed / skip_if_only_changed against the changed files.</summary>
    public static async Task<IReadOnlyList<Presubmit>> AutomaticAsync(PluginContext context, PullRequestFacts pr)
    {
        var candidates = Candidates(context, pr);
        var changes = await ChangedFilesIfNeededAsync(context, pr, candidates);
        return [.. candidates.Where(p => p.ShouldRun(pr.BaseRef, changes, forced: false, defaults: false))];
    }

    /// <summary>What a comment asks for: jobs whose trigger matches (forced), and with <c>/test all</c> what would run automatically.</summary>
    public static async Task<IReadOnlyList<Presubmit>> RequestedByCommentAsync(PluginContext context, PullRequestFacts pr, string body)
    {
        var candidates = Candidates(context, pr);
        var testAll = TestAll().IsMatch(body);
        var changes = testAll ? await ChangedFilesIfNeededAsync(context, pr, candidates) : () => [];
        return [.. candidates.Where(p =>
            (!testAll && p.TriggerMatches(body)) ||
            (testAll && p.ShouldRun(pr.BaseRef, changes, forced: false, defaults: false)))];
    }

    /// <summary>Jobs whose context failed (or errored) on the head commit; with <paramref name="requiredOnly"/>, only required ones.</summary>
    public static async Task<IReadOnlyList<Presubmit>> FailedAsync(PluginContext context, PullRequestFacts pr, bool requiredOnly)
    {
        var combined = await context.GitHub.GetCombinedStatusAsync(pr.Org, pr.Repo, pr.HeadSha, context.CancellationToken);
        var failed = combined.Statuses
            .Where(s => s.State is Clients.GitHub.StatusState.Failure or Clients.GitHub.StatusState.Error)
            .Select(s => s.Context)
            .ToHashSet(StringComparer.Ordinal);
        return [.. Candidates(context, pr).Where(p => failed.Contains(p.Context) && (!requiredOnly || !p.Optional))];
    }

    /// <summary>Presubmits of the repository that may run against the pull request's base branch.</summary>
    public static IReadOnlyList<Presubmit> Candidates(PluginContext context, PullRequestFacts pr) =>
        [.. context.Config.Jobs.PresubmitsFor(pr.Org, pr.Repo).Where(p => p.CouldRun(pr.BaseRef))];

    private static async Task<Func<IReadOnlyList<string>>> ChangedFilesIfNeededAsync(PluginContext context, PullRequestFacts pr, IReadOnlyList<Presubmit> candidates)
    {
        if (!candidates.Any(p => !p.AlwaysRun && p.ChangeMatcher.CouldRun))
        {
            return () => [];
        }

        var files = await context.GitHub.ListPullRequestFilesAsync(pr.Org, pr.Repo, pr.Number, context.CancellationToken);
        IReadOnlyList<string> names = [.. files.SelectMany(f => f.PreviousFilename is { } previous ? [f.Filename, previous] : new[] { f.Filename })];
        return () => names;
    }
}
