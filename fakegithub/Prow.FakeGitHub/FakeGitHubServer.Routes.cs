using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Prow.FakeGitHub;

public sealed partial class FakeGitHubServer
{
    private void MapRoutes(WebApplication app)
    {
        MapRepositoryRoutes(app);
        MapIssueRoutes(app);
        MapReactionRoutes(app);
        MapPullRoutes(app);
        MapStatusRoutes(app);
        MapCheckRunRoutes(app);
        MapActionsRoutes(app);
        MapReviewRoutes(app);
        MapOrgRoutes(app);
        MapAppRoutes(app);
        MapHookRoutes(app);
        MapOAuthRoutes(app);
        MapGraphQLRoutes(app);
        app.MapFallback(() => FakeJson.NotFound());
    }

    /// <summary>Runs <paramref name="action"/> on the route's repo under the model lock, or answers 404.</summary>
    private IResult WithRepo(HttpContext context, Func<FakeRepo, IResult> action)
    {
        var repo = State.TryRepo(Value(context, "owner") + "/" + Value(context, "repo"));
        if (repo is null)
        {
            return FakeJson.NotFound();
        }

        lock (State.Sync)
        {
            return action(repo);
        }
    }

    private IResult WithIssue(HttpContext context, Func<FakeRepo, FakeIssue, IResult> action, bool pullRequestOnly = false) =>
        WithRepo(context, repo =>
            repo.Issues.TryGetValue(Number(context), out var issue) && (!pullRequestOnly || issue.IsPullRequest)
                ? action(repo, issue)
                : FakeJson.NotFound());

    private static string Value(HttpContext context, string name) =>
        Uri.UnescapeDataString(Convert.ToString(context.Request.RouteValues[name], CultureInfo.InvariantCulture) ?? "");

    private static int Number(HttpContext context) => int.Parse(Value(context, "number"), CultureInfo.InvariantCulture);

    private static JsonElement Body(HttpContext context)
    {
        var text = context.Items[BodyKey] as string;
        return string.IsNullOrWhiteSpace(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static List<string> Strings(JsonElement body, string property) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Select(e => e.GetString() ?? "")]
            : [];

    private static string? String(JsonElement body, string property) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string BaseUrl(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";

    /// <summary>A branch name resolves to its head; anything else is taken as a SHA.</summary>
    private static string ResolveSha(FakeRepo repo, string gitRef) => repo.Branches.GetValueOrDefault(gitRef, gitRef);
}
