using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Prow.FakeGitHub;

public sealed partial class FakeGitHubServer
{
    private static readonly HashSet<string> _statusStates = ["pending", "success", "failure", "error"];

    private void MapStatusRoutes(WebApplication app)
    {
        app.MapPost("/repos/{owner}/{repo}/statuses/{sha}", (HttpContext c) => WithRepo(c, r =>
        {
            var body = Body(c);
            var state = String(body, "state");
            var context = String(body, "context") ?? "default";
            if (state is null || !_statusStates.Contains(state))
            {
                return FakeJson.Error(422, "Validation Failed: state is not included in the list");
            }

            var status = new FakeStatus(State.NextId(), state, context, String(body, "description"), String(body, "target_url"), State.BotLogin, Clock.GetUtcNow());
            var sha = Value(c, "sha");
            if (!r.Statuses.TryGetValue(sha, out var list))
            {
                r.Statuses[sha] = list = [];
            }

            list.Insert(0, status); // GitHub lists newest first
            return FakeJson.Ok(FakeJson.Status(status), 201);
        }));
        app.MapGet("/repos/{owner}/{repo}/commits/{ref}/statuses", (HttpContext c) => WithRepo(c, r =>
            FakeJson.Ok(Paging.Page(c, StatusList(r, Value(c, "ref"))).Select(FakeJson.Status))));
        app.MapGet("/repos/{owner}/{repo}/commits/{ref}/status", (HttpContext c) => WithRepo(c, r =>
        {
            var sha = ResolveSha(r, Value(c, "ref"));
            var latest = StatusList(r, sha).DistinctBy(s => s.Context).ToList();
            return FakeJson.Ok(new
            {
                state = Combine(latest),
                sha,
                total_count = latest.Count,
                statuses = Paging.Page(c, latest).Select(FakeJson.Status),
            });
        }));
    }

    private static List<FakeStatus> StatusList(FakeRepo repo, string gitRef) =>
        [.. repo.Statuses.GetValueOrDefault(ResolveSha(repo, gitRef)) ?? []];

    /// <summary>GitHub's combination: any error or failure fails, any pending (or none) is pending.</summary>
    private static string Combine(List<FakeStatus> latest) =>
        latest.Any(s => s.State is "error" or "failure") ? "failure"
        : latest.Count == 0 || latest.Any(s => s.State == "pending") ? "pending"
        : "success";
}
