using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Prow.FakeGitHub;

public sealed partial class FakeGitHubServer
{
    internal const string ProtectionPath = "/repos/{owner}/{repo}/branches/{branch}/protection";

    private void MapRepositoryRoutes(WebApplication app)
    {
        app.MapGet("/repos/{owner}/{repo}", (HttpContext c) => WithRepo(c, r => FakeJson.Ok(FakeJson.Repo(r))));
        app.MapGet("/repos/{owner}/{repo}/branches", (HttpContext c) => WithRepo(c, r => FakeJson.Ok(Paging.Page(c, r.Branches.OrderBy(b => b.Key, StringComparer.Ordinal).ToList())
            .Select(b => new { name = b.Key, commit = new { sha = b.Value }, @protected = r.Protection.ContainsKey(b.Key) }))));
        app.MapGet("/repos/{owner}/{repo}/branches/{branch}", (HttpContext c) => WithRepo(c, r =>
            r.Branches.TryGetValue(Value(c, "branch"), out var sha)
                ? FakeJson.Ok(new { name = Value(c, "branch"), commit = new { sha }, @protected = r.Protection.ContainsKey(Value(c, "branch")) })
                : FakeJson.Error(404, "Branch not found")));
        app.MapGet("/repos/{owner}/{repo}/git/ref/{**ref}", (HttpContext c) => WithRepo(c, r =>
        {
            var name = Value(c, "ref");
            var sha = name.StartsWith("heads/", StringComparison.Ordinal) ? r.Branches.GetValueOrDefault(name[6..])
                : name.StartsWith("tags/", StringComparison.Ordinal) ? r.Tags.GetValueOrDefault(name[5..])
                : null;
            return sha is not null
                ? FakeJson.Ok(new { @ref = "refs/" + name, @object = new { sha, type = "commit" } })
                : FakeJson.NotFound();
        }));
        app.MapDelete("/repos/{owner}/{repo}/git/refs/{**ref}", (HttpContext c) => WithRepo(c, r =>
        {
            var name = Value(c, "ref");
            return name.StartsWith("heads/", StringComparison.Ordinal) && r.Branches.Remove(name[6..])
                ? Results.NoContent()
                : FakeJson.Error(422, "Reference does not exist");
        }));
        app.MapGet("/repos/{owner}/{repo}/milestones", (HttpContext c) => WithRepo(c, r =>
        {
            var state = c.Request.Query["state"].ToString() is { Length: > 0 } asked ? asked : "open";
            var listed = r.Milestones.Where(m => state == "all" || m.State == state).OrderBy(m => m.Number).ToList();
            return FakeJson.Ok(Paging.Page(c, listed).Select(m => new { number = m.Number, title = m.Title, state = m.State }));
        }));
        app.MapGet("/repos/{owner}/{repo}/git/commits/{sha}", (HttpContext c) => WithRepo(c, r =>
        {
            var sha = Value(c, "sha");
            return FakeJson.Ok(new { sha, tree = new { sha = r.Trees.GetValueOrDefault(sha) ?? FakeJson.Sha("tree:" + sha) } });
        }));
        app.MapGet("/repos/{owner}/{repo}/labels", (HttpContext c) => WithRepo(c, r => FakeJson.Ok(Paging.Page(c, r.Labels).Select(FakeJson.Label))));
        app.MapGet("/repos/{owner}/{repo}/contents/{**path}", (HttpContext c) => WithRepo(c, r => Content(c, r)));
        app.MapGet("/repos/{owner}/{repo}/collaborators/{user}", (HttpContext c) => WithRepo(c, r =>
            r.Collaborators.ContainsKey(Value(c, "user")) ? Results.NoContent() : FakeJson.NotFound()));
        app.MapGet("/repos/{owner}/{repo}/collaborators/{user}/permission", (HttpContext c) => WithRepo(c, r =>
        {
            var role = r.Collaborators.GetValueOrDefault(Value(c, "user"), "none");
            var permission = role switch { "maintain" => "write", "triage" => "read", _ => role };
            return FakeJson.Ok(new { permission, role_name = role, user = FakeJson.User(Value(c, "user")) });
        }));
        app.MapGet(ProtectionPath, (HttpContext c) => WithRepo(c, r =>
            r.Protection.TryGetValue(Value(c, "branch"), out var stored) ? FakeJson.Ok(AsReported(stored)) : FakeJson.Error(404, "Branch not protected")));
        app.MapPut(ProtectionPath, (HttpContext c) => WithRepo(c, r => PutProtection(c, r)));
        app.MapDelete(ProtectionPath, (HttpContext c) => WithRepo(c, r =>
            r.Protection.Remove(Value(c, "branch")) ? Results.NoContent() : FakeJson.Error(404, "Branch not protected")));
    }

    private static IResult Content(HttpContext context, FakeRepo repo)
    {
        var gitRef = context.Request.Query["ref"].ToString() is { Length: > 0 } given ? given : repo.DefaultBranch;
        var path = Value(context, "path");
        if (!repo.Files.TryGetValue(gitRef, out var files))
        {
            // Files seeded on a branch are also found by the SHA the branch points at.
            var branch = repo.Branches.FirstOrDefault(b => b.Value == gitRef).Key;
            files = branch is null ? null : repo.Files.GetValueOrDefault(branch);
        }

        if (files is null || !files.TryGetValue(path, out var text))
        {
            return FakeJson.NotFound();
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        var base64 = Convert.ToBase64String(bytes);
        var wrapped = string.Join("\n", base64.Chunk(60).Select(chunk => new string(chunk))) + "\n"; // GitHub wraps at 60
        var sha = FakeJson.Sha(text);
        return FakeJson.Ok(new { type = "file", encoding = "base64", size = bytes.Length, name = Path.GetFileName(path), path, content = wrapped, sha });
    }

    private static IResult PutProtection(HttpContext context, FakeRepo repo)
    {
        var body = Body(context);
        string[] required = ["required_status_checks", "enforce_admins", "required_pull_request_reviews", "restrictions"];
        if (body.ValueKind != JsonValueKind.Object || required.Any(key => !body.TryGetProperty(key, out _)))
        {
            return FakeJson.Error(422, "Invalid request. The required keys are required_status_checks, enforce_admins, required_pull_request_reviews, restrictions.");
        }

        var stored = JsonNode.Parse(body.GetRawText())!.AsObject();
        repo.Protection[Value(context, "branch")] = stored;
        return FakeJson.Ok(AsReported(stored));
    }

    /// <summary>GitHub takes booleans and names on PUT but reports objects on GET.</summary>
    private static JsonObject AsReported(JsonObject stored)
    {
        static JsonObject Enabled(JsonNode? value) => new() { ["enabled"] = value?.GetValue<bool>() ?? false };
        static JsonArray Objects(JsonNode? names, string key) =>
            [.. (names?.AsArray() ?? []).Select(n => (JsonNode)new JsonObject { [key] = n!.GetValue<string>() })];

        var reported = new JsonObject
        {
            ["required_status_checks"] = stored["required_status_checks"]?.DeepClone(),
            ["required_pull_request_reviews"] = stored["required_pull_request_reviews"]?.DeepClone(),
            ["enforce_admins"] = Enabled(stored["enforce_admins"]),
            ["required_linear_history"] = Enabled(stored["required_linear_history"]),
            ["allow_force_pushes"] = Enabled(stored["allow_force_pushes"]),
            ["allow_deletions"] = Enabled(stored["allow_deletions"]),
        };
        if (stored["restrictions"] is JsonObject restrictions)
        {
            reported["restrictions"] = new JsonObject
            {
                ["users"] = Objects(restrictions["users"], "login"),
                ["teams"] = Objects(restrictions["teams"], "slug"),
                ["apps"] = Objects(restrictions["apps"], "slug"),
            };
        }

        return reported;
    }
}
