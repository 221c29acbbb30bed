using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Prow.FakeGitHub;

/// <summary>GitHub Actions: listing a repository's workflow runs (filtered as GitHub filters them) and rerunning failed jobs.</summary>
public sealed partial class FakeGitHubServer
{
    private void MapActionsRoutes(WebApplication app)
    {
        app.MapGet("/repos/{owner}/{repo}/actions/runs", (HttpContext c) => WithRepo(c, r =>
        {
            var query = c.Request.Query;
            var events = query["event"].ToString() is { Length: > 0 } e ? e.Split(" OR ", StringSplitOptions.TrimEntries) : null;
            var runs = r.WorkflowRuns
                .Where(run => query["head_sha"].ToString() is not { Length: > 0 } sha || run.HeadSha == sha)
                .Where(run => query["branch"].ToString() is not { Length: > 0 } branch || run.HeadBranch == branch)
                .Where(run => events is null || events.Contains(run.Event, StringComparer.Ordinal))
                .ToList();
            return FakeJson.Ok(new
            {
                total_count = runs.Count,
                workflow_runs = Paging.Page(c, runs).Select(run => new
                {
                    id = run.Id,
                    name = run.Name,
                    head_sha = run.HeadSha,
                    head_branch = run.HeadBranch,
                    @event = run.Event,
                    status = run.Status,
                    conclusion = run.Conclusion,
                    run_attempt = run.RunAttempt,
                }),
            });
        }));
        app.MapPost("/repos/{owner}/{repo}/actions/runs/{id:long}/rerun-failed-jobs", (HttpContext c) => WithRepo(c, r =>
        {
            var run = r.WorkflowRuns.FirstOrDefault(x => x.Id == long.Parse(Value(c, "id"), System.Globalization.CultureInfo.InvariantCulture));
            if (run is null)
            {
                return FakeJson.NotFound();
            }

            if (run.Status != "completed")
            {
                return FakeJson.Error(403, "This workflow run is not completed");
            }

            (run.Status, run.Conclusion, run.RunAttempt) = ("queued", null, run.RunAttempt + 1);
            return FakeJson.Ok(new { }, 201);
        }));
    }
}
