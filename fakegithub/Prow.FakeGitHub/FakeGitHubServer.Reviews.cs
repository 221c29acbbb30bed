using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Prow.FakeGitHub;

/// <summary>Submitting a review at once (body, event, line comments placed by diff position), as the bot.</summary>
public sealed partial class FakeGitHubServer
{
    private void MapReviewRoutes(WebApplication app) =>
        app.MapPost(PullPath + "/reviews", (HttpContext c) => WithPull(c, (_, p) =>
        {
            var body = Body(c);
            var now = Clock.GetUtcNow();
            var state = String(body, "event") switch
            {
                "APPROVE" => "APPROVED",
                "REQUEST_CHANGES" => "CHANGES_REQUESTED",
                "COMMENT" => "COMMENTED",
                _ => "PENDING",
            };
            var review = new FakeReview(State.NextId(), State.BotLogin, state, String(body, "body") ?? "", String(body, "commit_id") ?? p.HeadSha, now);
            p.Reviews.Add(review);
            if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("comments", out var comments) && comments.ValueKind == JsonValueKind.Array)
            {
                foreach (var comment in comments.EnumerateArray())
                {
                    var position = comment.TryGetProperty("position", out var at) && at.ValueKind == JsonValueKind.Number ? at.GetInt32() : (int?)null;
                    p.ReviewComments.Add(new FakeComment(State.NextId(), p.Number, State.BotLogin, String(comment, "body") ?? "", now, now, String(comment, "path"), position));
                }
            }

            return FakeJson.Ok(new { id = review.Id, user = FakeJson.User(review.Author), state = review.State, body = review.Body, commit_id = review.CommitId });
        }));
}
