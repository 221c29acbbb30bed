using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Prow.FakeGitHub;

/// <summary>
/// GitHub OAuth's web flow, shortened: <c>/login/oauth/authorize</c> approves at once as <see cref="OAuthUser"/> and
/// redirects back with a code; <c>/login/oauth/access_token</c> trades the code for a token; <c>GET /user</c> with that
/// token names the user.
/// </summary>
public sealed partial class FakeGitHubServer
{
    private const string OAuthTokenPrefix = "gho_fake_";

    /// <summary>Who approves the next authorization (the person "logged in to GitHub" in the browser).</summary>
    public string OAuthUser { get; set; } = "octocat";

    /// <summary>The OAuth app's credentials the token exchange demands.</summary>
    public (string ClientId, string ClientSecret) OAuthApp { get; set; } = ("deck-client", "deck-secret");

    private void MapOAuthRoutes(WebApplication app)
    {
        app.MapGet("/login/oauth/authorize", (string? client_id, string? redirect_uri, string? state) =>
            client_id != OAuthApp.ClientId || redirect_uri is null
                ? FakeJson.Error(404, "unknown OAuth app")
                : Results.Redirect($"{redirect_uri}?code={Uri.EscapeDataString("code_" + OAuthUser)}&state={Uri.EscapeDataString(state ?? "")}"));
        app.MapPost("/login/oauth/access_token", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var code = form["code"].ToString();
            return form["client_id"] != OAuthApp.ClientId || form["client_secret"] != OAuthApp.ClientSecret || !code.StartsWith("code_", StringComparison.Ordinal)
                ? FakeJson.Ok(new { error = "bad_verification_code", error_description = "The code passed is incorrect or expired." })
                : FakeJson.Ok(new { access_token = OAuthTokenPrefix + code["code_".Length..], token_type = "bearer", scope = "" });
        });
    }

    /// <summary>The user an OAuth token was issued to, or null when the request carries none.</summary>
    private static string? OAuthLogin(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var token = header.Contains(' ', StringComparison.Ordinal) ? header[(header.IndexOf(' ', StringComparison.Ordinal) + 1)..] : "";
        return token.StartsWith(OAuthTokenPrefix, StringComparison.Ordinal) ? token[OAuthTokenPrefix.Length..] : null;
    }
}
