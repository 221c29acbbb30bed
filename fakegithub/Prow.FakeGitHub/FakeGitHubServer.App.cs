using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Prow.FakeGitHub;

public sealed partial class FakeGitHubServer
{
    public const long AppId = 4242;

    private void MapAppRoutes(WebApplication app)
    {
        app.MapGet("/app", () => FakeJson.Ok(new { id = AppId, slug = State.AppSlug, name = State.AppSlug }));
        app.MapGet("/orgs/{org}/installation", (HttpContext c) => Installation(State.TryOrg(Value(c, "org"))?.InstallationId, Value(c, "org")));
        app.MapGet("/users/{user}/installation", (HttpContext c) => Installation(State.TryOrg(Value(c, "user"))?.InstallationId, Value(c, "user")));
        app.MapGet("/repos/{owner}/{repo}/installation", (HttpContext c) =>
            Installation(State.TryRepo(Value(c, "owner") + "/" + Value(c, "repo"))?.InstallationId, Value(c, "owner")));
        app.MapPost("/app/installations/{id:long}/access_tokens", (HttpContext c) =>
        {
            var token = "ghs_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            var expires = Clock.GetUtcNow() + InstallationTokenLifetime;
            lock (_lock)
            {
                _mintedTokens[token] = expires;
            }

            return FakeJson.Ok(new { token, expires_at = expires.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) }, 201);
        });
    }

    private static IResult Installation(long? id, string account) =>
        id is { } found ? FakeJson.Ok(new { id = found, account = FakeJson.User(account), app_id = AppId }) : FakeJson.NotFound();
}
