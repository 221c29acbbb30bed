using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Prow.FakeGitHub;

/// <summary>
/// GitHub's Checks API as far as prow uses it: create, update, read and list check runs. As on GitHub, only a GitHub
/// App (an installation token) may write them, an update appends its annotations to those already there, and a write
/// carrying more than 50 annotations is refused.
/// </summary>
public sealed partial class FakeGitHubServer
{
    public const int MaxAnnotationsPerWrite = 50;

    private static readonly HashSet<string> s_checkStatuses = ["queued", "in_progress", "completed", "waiting", "requested", "pending"];
    private static readonly HashSet<string> s_conclusions = ["action_required", "cancelled", "failure", "neutral", "success", "skipped", "stale", "timed_out"];

    /// <summary>The check runs on a commit, newest first.</summary>
    public IReadOnlyList<FakeCheckRun> CheckRunsFor(string fullName, string sha) => Read(fullName, r => (r.CheckRuns.GetValueOrDefault(sha) ?? []).ToList());

    /// <summary>Every create and update of one check run, in order.</summary>
    public IReadOnlyList<FakeCheckRunWrite> CheckRunWritesFor(string fullName, long id) => Read(fullName, r => r.CheckRunWrites.Where(w => w.CheckRunId == id).ToList());

    private void MapCheckRunRoutes(WebApplication app)
    {
        app.MapPost("/repos/{owner}/{repo}/check-runs", (HttpContext c) => WithRepo(c, r =>
        {
            if (!ByInstallation(c.Request))
            {
                return FakeJson.Error(403, "You must authenticate via a GitHub App.");
            }

            var body = Body(c);
            var name = String(body, "name");
            var sha = String(body, "head_sha");
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(sha))
            {
                return FakeJson.Error(422, "Validation Failed: name and head_sha are required");
            }

            var run = new FakeCheckRun(State.NextId(), name, "queued", null) { HeadSha = ResolveSha(r, sha) };
            if (Apply(run, body, out var error) is not { } created)
            {
                return error!;
            }

            if (!r.CheckRuns.TryGetValue(created.HeadSha, out var list))
            {
                r.CheckRuns[created.HeadSha] = list = [];
            }

            list.Insert(0, created);
            r.CheckRunWrites.Add(Write(created, "POST", body));
            return FakeJson.Ok(CheckRunJson(created, r), 201);
        }));
        app.MapPatch("/repos/{owner}/{repo}/check-runs/{id:long}", (HttpContext c) => WithRepo(c, r =>
        {
            if (!ByInstallation(c.Request))
            {
                return FakeJson.Error(403, "You must authenticate via a GitHub App.");
            }

            var id = long.Parse(Value(c, "id"), CultureInfo.InvariantCulture);
            if (Find(r, id) is not { } found)
            {
                return FakeJson.NotFound();
            }

            var body = Body(c);
            if (Apply(found.Run, body, out var error) is not { } updated)
            {
                return error!;
            }

            found.List[found.List.IndexOf(found.Run)] = updated;
            r.CheckRunWrites.Add(Write(updated, "PATCH", body));
            return FakeJson.Ok(CheckRunJson(updated, r));
        }));
        app.MapGet("/repos/{owner}/{repo}/check-runs/{id:long}", (HttpContext c) => WithRepo(c, r =>
            Find(r, long.Parse(Value(c, "id"), CultureInfo.InvariantCulture)) is { } found ? FakeJson.Ok(CheckRunJson(found.Run, r)) : FakeJson.NotFound()));
        app.MapGet("/repos/{owner}/{repo}/commits/{ref}/check-runs", (HttpContext c) => WithRepo(c, r =>
        {
            var sha = ResolveSha(r, Value(c, "ref"));
            var name = c.Request.Query["check_name"].ToString();
            // GitHub's default filter, latest, lists only the newest run of each name; filter=all lists every one.
            var runs = (r.CheckRuns.GetValueOrDefault(sha) ?? []).Where(x => name.Length == 0 || x.Name == name).ToList();
            if (c.Request.Query["filter"].ToString() != "all")
            {
                runs = [.. runs.DistinctBy(x => x.Name)];
            }

            return FakeJson.Ok(new { total_count = runs.Count, check_runs = Paging.Page(c, runs).Select(x => CheckRunJson(x with { HeadSha = sha }, r)) });
        }));
    }

    /// <summary>The run with the body's fields laid over it, or null with the 422 GitHub would answer.</summary>
    private FakeCheckRun? Apply(FakeCheckRun run, JsonElement body, out IResult? error)
    {
        error = null;
        var status = String(body, "status") ?? (String(body, "conclusion") is not null ? "completed" : run.Status);
        var conclusion = String(body, "conclusion") ?? run.Conclusion;
        if (!s_checkStatuses.Contains(status))
        {
            error = FakeJson.Error(422, $"Validation Failed: status {status} is not included in the list");
            return null;
        }

        if (status == "completed" && (conclusion is null || !s_conclusions.Contains(conclusion)))
        {
            error = FakeJson.Error(422, "Validation Failed: conclusion is required when status is completed");
            return null;
        }

        var output = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("output", out var o) && o.ValueKind == JsonValueKind.Object ? o : default;
        var annotations = output.ValueKind == JsonValueKind.Object && output.TryGetProperty("annotations", out var a) && a.ValueKind == JsonValueKind.Array
            ? [.. a.EnumerateArray().Select(Annotation)]
            : new List<FakeCheckRunAnnotation?>();
        if (annotations.Count > MaxAnnotationsPerWrite)
        {
            error = FakeJson.Error(422, $"Validation Failed: only {MaxAnnotationsPerWrite} annotations are allowed per request");
            return null;
        }

        if (annotations.Contains(null))
        {
            error = FakeJson.Error(422, "Validation Failed: an annotation needs path, start_line, end_line, annotation_level and message");
            return null;
        }

        if (output.ValueKind == JsonValueKind.Object && (String(output, "title") is null || String(output, "summary") is null))
        {
            error = FakeJson.Error(422, "Validation Failed: output needs title and summary");
            return null;
        }

        return run with
        {
            Status = status,
            Conclusion = status == "completed" ? conclusion : null,
            DetailsUrl = String(body, "details_url") ?? run.DetailsUrl,
            ExternalId = String(body, "external_id") ?? run.ExternalId,
            StartedAt = Time(body, "started_at") ?? run.StartedAt,
            CompletedAt = Time(body, "completed_at") ?? (status == "completed" ? run.CompletedAt ?? Clock.GetUtcNow() : null),
            Title = output.ValueKind == JsonValueKind.Object ? String(output, "title") : run.Title,
            Summary = output.ValueKind == JsonValueKind.Object ? String(output, "summary") : run.Summary,
            Text = output.ValueKind == JsonValueKind.Object ? String(output, "text") ?? run.Text : run.Text,
            Annotations = [.. run.Annotations, .. annotations.OfType<FakeCheckRunAnnotation>()],
        };
    }

    private static FakeCheckRunAnnotation? Annotation(JsonElement a)
    {
        if (a.ValueKind != JsonValueKind.Object || String(a, "path") is not { } path || String(a, "message") is not { } message
            || String(a, "annotation_level") is not ("notice" or "warning" or "failure") || !a.TryGetProperty("start_line", out var start)
            || !a.TryGetProperty("end_line", out var end) || !start.TryGetInt32(out var startLine) || !end.TryGetInt32(out var endLine))
        {
            return null;
        }

        return new FakeCheckRunAnnotation(path, startLine, endLine, String(a, "annotation_level")!, message, String(a, "title"), String(a, "raw_details"));
    }

    private static FakeCheckRunWrite Write(FakeCheckRun run, string method, JsonElement body)
    {
        var count = body.TryGetProperty("output", out var o) && o.ValueKind == JsonValueKind.Object && o.TryGetProperty("annotations", out var a) && a.ValueKind == JsonValueKind.Array
            ? a.GetArrayLength()
            : 0;
        return new FakeCheckRunWrite(run.Id, method, run.Status, run.Conclusion, run.Title, count);
    }

    private static (List<FakeCheckRun> List, FakeCheckRun Run)? Find(FakeRepo repo, long id)
    {
        foreach (var list in repo.CheckRuns.Values)
        {
            if (list.FirstOrDefault(x => x.Id == id) is { } run)
            {
                return (list, run);
            }
        }

        return null;
    }

    private static DateTimeOffset? Time(JsonElement body, string property) =>
        String(body, property) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    private static object CheckRunJson(FakeCheckRun run, FakeRepo repo) => new
    {
        id = run.Id,
        name = run.Name,
        head_sha = run.HeadSha,
        external_id = run.ExternalId,
        status = run.Status,
        conclusion = run.Conclusion,
        details_url = run.DetailsUrl,
        started_at = run.StartedAt,
        completed_at = run.CompletedAt,
        output = new { title = run.Title, summary = run.Summary, text = run.Text, annotations_count = run.Annotations.Count },
        pull_requests = repo.Issues.Values.Where(i => i.IsPullRequest && i.HeadSha == run.HeadSha && i.State == "open")
            .Select(i => new { number = i.Number, head = new { sha = i.HeadSha, @ref = i.HeadRef }, @base = new { @ref = i.BaseRef } }),
    };

    /// <summary>GitHub lets only Apps write check runs: the request must carry an installation token this fake minted.</summary>
    private bool ByInstallation(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..]
            : header.StartsWith("token ", StringComparison.Ordinal) ? header[6..] : null;
        lock (_lock)
        {
            return token is not null && _mintedTokens.ContainsKey(token);
        }
    }
}
