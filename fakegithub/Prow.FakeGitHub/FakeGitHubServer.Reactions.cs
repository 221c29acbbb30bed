using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Prow.FakeGitHub;

public sealed partial class FakeGitHubServer
{
    private static readonly HashSet<string> s_reactionContents = new(StringComparer.Ordinal) { "+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes" };

    private void MapReactionRoutes(WebApplication app)
    {
        app.MapPost(IssuePath + "/reactions", (HttpContext c) => WithIssue(c, (r, i) => React(r, String(Body(c), "content"), i.Number, null)));
        app.MapPost(CommentPath + "/reactions", (HttpContext c) => WithComment(c, (r, index) => React(r, String(Body(c), "content"), null, r.Comments[index].Id)));
    }

    /// <summary>As GitHub: an unknown content is refused (422); the same reaction by the same user again answers the first (200).</summary>
    private IResult React(FakeRepo repo, string? content, int? issue, long? comment)
    {
        if (content is null || !s_reactionContents.Contains(content))
        {
            return FakeJson.Error(422, $"Validation Failed: content {content} is not a reaction");
        }

        var existing = repo.Reactions.FirstOrDefault(x => x.IssueNumber == issue && x.CommentId == comment && x.User == State.BotLogin && x.Content == content);
        if (existing is not null)
        {
            return FakeJson.Ok(Json(existing));
        }

        var reaction = new FakeReaction(State.NextId(), issue, comment, State.BotLogin, content);
        repo.Reactions.Add(reaction);
        return FakeJson.Ok(Json(reaction), 201);

        static object Json(FakeReaction x) => new { id = x.Id, user = FakeJson.User(x.User), content = x.Content };
    }
}
