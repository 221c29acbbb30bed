using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Orleans;
using Prow.Config.Components;
using Prow.GrainInterfaces.Tide;
using Prow.Services.Configuration;
using Prow.Services.Tide;
using Prow.Web.Endpoints;

namespace Prow.Silo.Hosting;

/// <summary>
/// Deck's tide data in Prow's JSON shape: <c>/tide.js</c> (the queries and every pool with its pull requests, action
/// and target) and <c>/tide-history.js</c> (each pool's actions, newest first, keyed <c>org/repo:branch</c>).
/// </summary>
internal static class TideEndpoints
{
    public static void MapTide(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/tide.js", async (string? var, IGrainFactory grains, IConfigSource config) =>
        {
            var pools = new JsonArray([.. (await TideOverview.PoolsAsync(grains)).Select(p => (JsonNode)Pool(p))]);
            var queries = config.Current.Prow.Tide.Queries;
            var document = new JsonObject
            {
                ["Queries"] = new JsonArray([.. queries.Select(q => (JsonNode)q.ToSearchQuery())]),
                ["TideQueries"] = new JsonArray([.. queries.Select(Query)]),
                ["Pools"] = pools,
            };
            return ScriptJson.Result(document.ToJsonString(), var);
        });
        endpoints.MapGet("/tide-history.js", async (string? var, IGrainFactory grains) =>
        {
            var history = new JsonObject();
            foreach (var pool in await TideOverview.HistoryAsync(grains))
            {
                history[$"{pool.Org}/{pool.Repo}:{pool.Branch}"] = new JsonArray([.. pool.Records.Select(Record)]);
            }

            return ScriptJson.Result(new JsonObject { ["History"] = history }.ToJsonString(), var);
        });
    }

    private static JsonObject Pool(MergePoolView pool) => new()
    {
        ["Org"] = pool.Org,
        ["Repo"] = pool.Repo,
        ["Branch"] = pool.Branch,
        ["BaseSHA"] = pool.BaseSha,
        ["SuccessPRs"] = Pulls(pool, pool.SuccessPulls),
        ["PendingPRs"] = Pulls(pool, pool.PendingPulls),
        ["MissingPRs"] = Pulls(pool, pool.MissingPulls),
        ["BatchPending"] = Pulls(pool, pool.BatchPending),
        ["Action"] = pool.Action,
        ["Target"] = Pulls(pool, pool.Target),
        ["Blockers"] = new JsonArray([.. pool.Blockers.Select(b => (JsonNode)new JsonObject { ["Number"] = b.Number, ["Title"] = b.Title, ["URL"] = b.Url })]),
        ["Error"] = pool.Error,
        // Not in Prow (tide.bisect_failed_batches): each set a failed batch is being split in, known to hold one that fails.
        ["Bisection"] = new JsonArray([.. pool.Bisection.Select(suspects => (JsonNode)Pulls(pool, suspects))]),
    };

    /// <summary>A pull request in the GitHub GraphQL shape deck reads.</summary>
    private static JsonArray Pulls(MergePoolView pool, IReadOnlyList<PoolPullSummary> pulls) => new([.. pulls.Select(p => (JsonNode)new JsonObject
    {
        ["Number"] = p.Number,
        ["Author"] = new JsonObject { ["Login"] = p.Author },
        ["BaseRef"] = new JsonObject { ["Name"] = pool.Branch, ["Prefix"] = "refs/heads/" },
        ["HeadRefName"] = p.HeadRef,
        ["HeadRefOID"] = p.HeadSha,
        ["Title"] = p.Title,
        ["Repository"] = new JsonObject { ["Name"] = pool.Repo, ["NameWithOwner"] = $"{pool.Org}/{pool.Repo}", ["Owner"] = new JsonObject { ["Login"] = pool.Org } },
        ["Labels"] = new JsonObject { ["Nodes"] = new JsonArray([.. p.Labels.Select(l => (JsonNode)new JsonObject { ["Name"] = l })]) },
    })]);

    private static JsonNode Query(TideQuery query) => JsonSerializer.SerializeToNode(new
    {
        orgs = query.Orgs,
        repos = query.Repos,
        excludedRepos = query.ExcludedRepos,
        excludedBranches = query.ExcludedBranches,
        includedBranches = query.IncludedBranches,
        labels = query.Labels,
        missingLabels = query.MissingLabels,
        author = query.Author,
        milestone = query.Milestone,
        reviewApprovedRequired = query.ReviewApprovedRequired,
    })!;

    private static JsonObject Record(TideHistoryRecord record) => new()
    {
        ["time"] = record.Time.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
        ["action"] = record.Action,
        ["baseSHA"] = record.BaseSha,
        ["target"] = new JsonArray([.. record.Target.Select(p => (JsonNode)new JsonObject { ["number"] = p.Number, ["author"] = p.Author, ["sha"] = p.HeadSha, ["title"] = p.Title })]),
        ["err"] = record.Error,
    };
}
