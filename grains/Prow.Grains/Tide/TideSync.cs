using Microsoft.Extensions.Logging;
using Prow.Clients.GitHub;
using Prow.GrainInterfaces.Tide;
using Prow.Services.Configuration;
using Prow.Services.Logging;

namespace Prow.Grains.Tide;

/// <summary>
/// The safety net under the events: search GitHub for the open pull requests in every org and repository the tide
/// queries name, read each one, and hand every branch's pool its full picture. Pools that had pull requests and now
/// have none are synced too, so a close that was missed still leaves the pool.
/// </summary>
public sealed partial class TideSync(IGrainFactory grains, IGitHubClient github, IConfigSource config, RepeatedFailures failures, ILogger<TideSync> logger)
{
    public async Task SyncOnceAsync(CancellationToken cancellationToken)
    {
        var queries = config.Current.Prow.Tide.Queries;
        var scopes = queries.SelectMany(q => q.Orgs.Select(o => $"org:\"{o}\"").Concat(q.Repos.Select(r => $"repo:\"{r}\""))).Distinct(StringComparer.OrdinalIgnoreCase);
        var pulls = new Dictionary<string, List<PoolPullRequest>>(StringComparer.Ordinal);
        var blockers = new List<Issue>();
        foreach (var scope in scopes)
        {
            blockers.AddRange(await TideBlockers.SearchAsync(github, config.Current.Prow.Tide.BlockerLabel, scope, cancellationToken));
            foreach (var issue in await github.SearchIssuesAsync($"is:pr state:open archived:false {scope}", cancellationToken))
            {
                if (RepositoryOf(issue) is not var (org, repo) || !queries.Any(q => QueryMatch.Covers(q, org, repo)))
                {
                    continue;
                }

                var pull = PoolPullRequests.From(await github.GetPullRequestAsync(org, repo, issue.Number, cancellationToken));
                var key = GrainKeys.MergePool(org, repo, pull.BaseRef);
                if (!pulls.TryGetValue(key, out var list))
                {
                    pulls[key] = list = [];
                }

                if (list.TrueForAll(p => p.Number != pull.Number))
                {
                    list.Add(pull);
                }
            }
        }

        var known = await grains.GetGrain<ITidePoolsGrain>("all").ListAsync();
        foreach (var key in pulls.Keys.Union(known, StringComparer.Ordinal))
        {
            if (!GrainKeys.TryParseMergePool(key, out var org, out var repo, out var branch))
            {
                continue;
            }

            try
            {
                var baseSha = (await github.GetBranchAsync(org, repo, branch, cancellationToken)).Commit.Sha;
                var repoBlockers = blockers.Where(b => RepositoryOf(b) == (org, repo));
                await grains.GetGrain<IMergePoolGrain>(key).SyncAsync(new PoolSync(baseSha, pulls.GetValueOrDefault(key) ?? [], TideBlockers.For(repoBlockers, branch)));
            }
            catch (Exception ex) when (ex is GitHubApiException or HttpRequestException or Orleans.Storage.InconsistentStateException)
            {
                if (RepeatedFailures.OutageCause(ex) is not { } cause)
                {
                    LogPoolSyncFailed(logger, ex, key);
                }
                else if (failures.ShouldWrite("tide pool sync", out var held))
                {
                    LogPoolSyncOutage(logger, key, cause, held);
                }
            }
        }
    }

    /// <summary>Search results name their repository only by API URL: <c>.../repos/{owner}/{repo}</c>.</summary>
    private static (string Org, string Repo)? RepositoryOf(Issue issue)
    {
        var parts = issue.RepositoryUrl?.Split('/') ?? [];
        return parts.Length >= 2 && GrainKeys.TryParseRepository($"{parts[^2]}/{parts[^1]}", out var org, out var repo) ? (org, repo) : null;
    }

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Tide could not sync pool {Pool}")]
    private static partial void LogPoolSyncFailed(ILogger logger, Exception exception, string pool);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Warning, Message = "Tide could not sync pool {Pool}: {Cause} ({Held} more since the last such line)")]
    private static partial void LogPoolSyncOutage(ILogger logger, string pool, string cause, int held);
}
