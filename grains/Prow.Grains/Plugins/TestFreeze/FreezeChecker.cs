using System.Globalization;
using System.Text.RegularExpressions;
using Prow.Config.Components;
using Prow.Grains.Plugins.Framework;
using Prow.Services.JobIndex;

namespace Prow.Grains.Plugins.TestFreeze;

/// <summary>
/// Prow's test freeze check, from what this prow knows: the newest <c>release-X.Y</c> branch of kubernetes/kubernetes
/// without its <c>vX.Y.0</c> tag means test freeze; tide excluding that branch (or the next one) from its
/// kubernetes/kubernetes queries means code freeze. Prow reads the same tide queries from test-infra's config.yaml
/// and the last fast-forward from prow.k8s.io's job list; here they come from the running config and job index.
/// </summary>
public sealed partial class FreezeChecker(IProwJobIndex? jobs)
{
    public const string Repo = "kubernetes/kubernetes";
    public const string FastForwardJob = "ci-fast-forward";
    public const string Unknown = "unknown";

    [GeneratedRegex(@"^release-(\d+)\.(\d+)$")]
    private static partial Regex ReleaseBranch();

    /// <returns>Null when the repository has no release branch.</returns>
    public async Task<FreezeState?> CheckAsync(PluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (org, repo) = ("kubernetes", "kubernetes");
        var latest = (await context.GitHub.ListBranchesAsync(org, repo, context.CancellationToken))
            .Select(b => ReleaseBranch().Match(b.Name))
            .Where(m => m.Success)
            .Select(m => (Major: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Minor: int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))
            .OrderBy(v => v.Major).ThenBy(v => v.Minor)
            .Select(v => ((int Major, int Minor)?)v)
            .LastOrDefault();
        if (latest is not var (major, minor))
        {
            return null;
        }

        var branch = $"release-{major}.{minor}";
        var tag = $"v{major}.{minor}.0";
        var tide = context.Config.Prow.Tide;
        if (await context.GitHub.FindRefShaAsync(org, repo, "tags/" + tag, context.CancellationToken) is not null)
        {
            // Released: no test freeze, but code freeze for the next release may have begun before its branch exists.
            var next = $"release-{major}.{minor + 1}";
            return !ExcludedFromTide(tide, branch) && ExcludedFromTide(tide, next)
                ? new FreezeState(true, false, next, $"v{major}.{minor + 1}.0", "")
                : new FreezeState(ExcludedFromTide(tide, branch), false, branch, tag, "");
        }

        return new FreezeState(ExcludedFromTide(tide, branch), true, branch, tag, await LastFastForwardAsync(context));
    }

    /// <summary>Go's time.UnixDate layout: <c>Mon Jan  2 15:04:05 UTC 2006</c>.</summary>
    public static string UnixDate(DateTimeOffset time) =>
        string.Create(CultureInfo.InvariantCulture, $"{time.UtcDateTime:ddd MMM} {time.UtcDateTime.Day,2} {time.UtcDateTime:HH:mm:ss} UTC {time.UtcDateTime:yyyy}");

    private static bool ExcludedFromTide(TideConfig tide, string branch) =>
        tide.Queries.Any(q => q.Repos.Contains(Repo, StringComparer.Ordinal) && q.ExcludedBranches.Contains(branch, StringComparer.Ordinal));

    private async Task<string> LastFastForwardAsync(PluginContext context)
    {
        if (jobs is null)
        {
            return Unknown;
        }

        var page = await jobs.QueryAsync(new ProwJobQuery { Job = FastForwardJob, State = "success", Limit = 1 }, context.CancellationToken);
        return page.Jobs.Count > 0 && page.Jobs[0].Completed is { } completed ? UnixDate(completed) : Unknown;
    }
}
