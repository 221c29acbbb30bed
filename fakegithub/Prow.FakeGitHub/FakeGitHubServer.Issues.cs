using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Prow.FakeGitHub;

public sealed partial class FakeGitHubServer
{
    internal const string IssuePath = "/repos/{owner}/{repo}/issues/{number:int}";
    internal const string CommentPath = "/repos/{owner}/{repo}/issues/comments/{id:long}";

    private void MapIssueRoutes(WebApplication app)
    {
        app.MapGet(IssuePath, (HttpContext c) => WithIssue(c, (r, i) => FakeJson.Ok(FakeJson.Issue(r, i, BaseUrl(c)))));
        app.MapPatch(IssuePath, (HttpContext c) => WithIssue(c, (r, i) =>
        {
            var body = Body(c);
            if (body.ValueKind == System.Text.Json.JsonValueKind.Object && body.TryGetProperty("milestone", out var milestone))
            {
                if (milestone.ValueKind == System.Text.Json.JsonValueKind.Null)
                {
                    i.Milestone = null;
                }
                else if (r.Milestones.Find(m => milestone.TryGetInt32(out var n) && m.Number == n) is { } found)
                {
                    i.Milestone = found.Title;
                }
                else
                {
                    return FakeJson.Error(422, "Validation Failed");
                }
            }

            Patch(i, body);
            return FakeJson.Ok(FakeJson.Issue(r, i, BaseUrl(c)));
        }));
        app.MapGet(IssuePath + "/comments", (HttpContext c) => WithIssue(c, (r, i) =>
            FakeJson.Ok(Paging.Page(c, r.Comments.Where(x => x.IssueNumber == i.Number).ToList()).Select(x => FakeJson.Comment(r, x)))));
        app.MapPost(IssuePath + "/comments", (HttpContext c) => WithIssue(c, (r, i) =>
        {
            var now = Clock.GetUtcNow();
            var comment = new FakeComment(State.NextId(), i.Number, State.BotLogin, String(Body(c), "body") ?? "", now, now);
            r.Comments.Add(comment);
            return FakeJson.Ok(FakeJson.Comment(r, comment), 201);
        }));
        app.MapPatch(CommentPath, (HttpContext c) => WithComment(c, (r, index) =>
        {
            r.Comments[index] = r.Comments[index] with { Body = String(Body(c), "body") ?? "", UpdatedAt = Clock.GetUtcNow() };
            return FakeJson.Ok(FakeJson.Comment(r, r.Comments[index]));
        }));
        app.MapDelete(CommentPath, (HttpContext c) => WithComment(c, (r, index) =>
        {
            r.Comments.RemoveAt(index);
            return Results.NoContent();
        }));
        app.MapGet(IssuePath + "/labels", (HttpContext c) => WithIssue(c, (_, i) => FakeJson.Ok(Paging.Page(c, i.Labels).Select(FakeJson.Label))));
        app.MapPost(IssuePath + "/labels", (HttpContext c) => WithIssue(c, (r, i) =>
        {
            foreach (var label in Strings(Body(c), "labels").Where(l => !i.Labels.Contains(l)))
            {
                i.Labels.Add(label);
                i.Events.Add(new FakeIssueEvent(State.NextId(), "labeled", State.BotLogin, label, Clock.GetUtcNow()));
                if (!r.Labels.Contains(label))
                {
                    r.Labels.Add(label); // GitHub creates unknown labels on the fly
                }
            }

            return FakeJson.Ok(i.Labels.Select(FakeJson.Label));
        }));
        app.MapDelete(IssuePath + "/labels/{name}", (HttpContext c) => WithIssue(c, (_, i) =>
        {
            if (!i.Labels.Remove(Value(c, "name")))
            {
                return FakeJson.Error(404, "Label does not exist");
            }

            i.Events.Add(new FakeIssueEvent(State.NextId(), "unlabeled", State.BotLogin, Value(c, "name"), Clock.GetUtcNow()));
            return FakeJson.Ok(i.Labels.Select(FakeJson.Label));
        }));
        app.MapGet(IssuePath + "/events", (HttpContext c) => WithIssue(c, (_, i) => FakeJson.Ok(Paging.Page(c, i.Events).Select(e => new
        {
            id = e.Id,
            @event = e.Event,
            actor = FakeJson.User(e.Actor),
            label = e.Label is null ? null : FakeJson.Label(e.Label),
            created_at = e.CreatedAt,
        }))));
        app.MapPost(IssuePath + "/assignees", (HttpContext c) => WithIssue(c, (r, i) =>
        {
            // Like GitHub, silently skips whoever may not be assigned; the answer shows who was.
            i.Assignees.AddRange(Strings(Body(c), "assignees").Where(a => !i.Assignees.Contains(a) && Assignable(r, i, a)));
            return FakeJson.Ok(FakeJson.Issue(r, i, BaseUrl(c)), 201);
        }));
        app.MapDelete(IssuePath + "/assignees", (HttpContext c) => WithIssue(c, (r, i) =>
        {
            i.Assignees.RemoveAll(Strings(Body(c), "assignees").Contains);
            return FakeJson.Ok(FakeJson.Issue(r, i, BaseUrl(c)));
        }));
    }

    private IResult WithComment(HttpContext context, Func<FakeRepo, int, IResult> action) =>
        WithRepo(context, repo =>
        {
            var id = long.Parse(Value(context, "id"), CultureInfo.InvariantCulture);
            var index = repo.Comments.FindIndex(c => c.Id == id);
            return index < 0 ? FakeJson.NotFound() : action(repo, index);
        });

    /// <summary>GitHub assigns org members, collaborators, and people taking part in the issue.</summary>
    private bool Assignable(FakeRepo repo, FakeIssue issue, string login) =>
        repo.Collaborators.ContainsKey(login)
        || State.TryOrg(repo.Owner)?.Members.Contains(login) == true
        || string.Equals(issue.Author, login, StringComparison.OrdinalIgnoreCase)
        || repo.Comments.Any(c => c.IssueNumber == issue.Number && string.Equals(c.Author, login, StringComparison.OrdinalIgnoreCase));

    private static void Patch(FakeIssue issue, System.Text.Json.JsonElement body)
    {
        if (String(body, "state") is { } state)
        {
            issue.State = state;
            issue.StateReason = String(body, "state_reason");
        }

        if (String(body, "title") is { } title)
        {
            issue.Title = title;
        }

        if (String(body, "body") is { } text)
        {
            issue.Body = text;
        }
    }
}
