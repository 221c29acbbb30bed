using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Prow.Web.Auth;

/// <summary>
/// GitHub OAuth's web flow: <c>/github-login</c> sends the browser to GitHub with a one-time state, GitHub sends it
/// back to <c>/github-login/redirect</c> with a code, the code is exchanged for a token and <c>GET /user</c> names the
/// person. The token itself is not kept: membership is checked later with the bot's client.
/// </summary>
internal static class GitHubLoginEndpoints
{
    private const string StateCookie = "prow-oauth-state";
    public const string HttpClientName = "github-oauth";

    public static void MapGitHubLogin(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/github-login", (HttpContext context, string? dest, DeckOptions options, IDataProtectionProvider protection) =>
        {
            if (options.GitHubOAuth is not { } oauth)
            {
                return Results.Text("GitHub login is not configured on this deck (start prow with --github-oauth-config-file).", statusCode: StatusCodes.Status404NotFound);
            }

            var state = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Response.Cookies.Append(StateCookie, Protector(protection).Protect($"{state}\n{LocalPath(dest)}"), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                MaxAge = TimeSpan.FromMinutes(10),
                Path = "/",
                Secure = options.IsServedOverHttps(context),
            });
            // Never the request's Host header: a forged one would send GitHub's code to another site.
            var callback = oauth.RedirectUrl ?? new Uri(options.SiteAddress(), "github-login/redirect");
            return Results.Redirect(new Uri(oauth.OAuthBaseUrl, "login/oauth/authorize").ToString()
                + $"?client_id={Uri.EscapeDataString(oauth.ClientId)}&redirect_uri={Uri.EscapeDataString(callback.AbsoluteUri)}&state={state}");
        });
        endpoints.MapGet("/github-login/redirect", CompleteLoginAsync);
        endpoints.MapGet("/github-logout", (HttpContext context) =>
        {
            DeckSession.SignOut(context);
            return Results.Redirect("/");
        });
    }

    private static async Task<IResult> CompleteLoginAsync(
        HttpContext context, string? code, string? state, DeckOptions options, IDataProtectionProvider protection, IHttpClientFactory http, DeckSession session)
    {
        if (options.GitHubOAuth is not { } oauth)
        {
            return Results.NotFound();
        }

        var expected = context.Request.Cookies.TryGetValue(StateCookie, out var sealedState) ? TryUnprotect(Protector(protection), sealedState) : null;
        context.Response.Cookies.Delete(StateCookie);
        if (expected?.Split('\n') is not [var expectedState, var dest] || string.IsNullOrEmpty(code) || state != expectedState)
        {
            return Results.Text("The GitHub login could not be completed (missing code or a stale state); please try again.", statusCode: StatusCodes.Status400BadRequest);
        }

        var client = http.CreateClient(HttpClientName);
        var login = await ExchangeAsync(client, oauth, code, context.RequestAborted);
        if (login is null)
        {
            return Results.Text("GitHub refused the login code; please try again.", statusCode: StatusCodes.Status502BadGateway);
        }

        session.SignIn(context, login);
        return Results.Redirect(dest);
    }

    /// <summary>The code for a token, the token for the login; null when GitHub refuses either.</summary>
    private static async Task<string?> ExchangeAsync(HttpClient client, GitHubOAuthOptions oauth, string code, CancellationToken cancellationToken)
    {
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, new Uri(oauth.OAuthBaseUrl, "login/oauth/access_token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = oauth.ClientId, ["client_secret"] = oauth.ClientSecret, ["code"] = code }),
        };
        tokenRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var tokenResponse = await client.SendAsync(tokenRequest, cancellationToken);
        var tokenJson = await JsonDocument.ParseAsync(await tokenResponse.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        if (!tokenResponse.IsSuccessStatusCode || !tokenJson.RootElement.TryGetProperty("access_token", out var token) || token.GetString() is not { Length: > 0 } accessToken)
        {
            return null;
        }

        using var userRequest = new HttpRequestMessage(HttpMethod.Get, new Uri(oauth.ApiBaseUrl, "user"));
        userRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        userRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        userRequest.Headers.UserAgent.Add(new ProductInfoHeaderValue("prow-deck", "1"));
        using var userResponse = await client.SendAsync(userRequest, cancellationToken);
        if (!userResponse.IsSuccessStatusCode)
        {
            return null;
        }

        var user = await JsonDocument.ParseAsync(await userResponse.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return user.RootElement.TryGetProperty("login", out var login) ? login.GetString() : null;
    }

    /// <summary>
    /// Only a path on this site. Browsers drop tabs and newlines and read a backslash as a slash, so <c>/\t/evil.com</c>
    /// would leave the site as <c>//evil.com</c> does: a path holding any of them, or starting <c>//</c>, becomes <c>/</c>.
    /// </summary>
    internal static string LocalPath(string? dest) =>
        dest is { Length: > 0 } && dest[0] == '/' && !dest.StartsWith("//", StringComparison.Ordinal)
        && !dest.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\')
            ? dest
            : "/";

    private static IDataProtector Protector(IDataProtectionProvider protection) => protection.CreateProtector("Prow.Web.GitHubLogin");

    private static string? TryUnprotect(IDataProtector protector, string value)
    {
        try
        {
            return protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
