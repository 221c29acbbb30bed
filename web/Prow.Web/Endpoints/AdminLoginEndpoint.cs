using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prow.Web.Auth;

namespace Prow.Web.Endpoints;

/// <summary><c>POST /admin/login</c>: the admin token, once, for a browser cookie that opens <c>/admin</c>.</summary>
internal static class AdminLoginEndpoint
{
    /// <summary>A page in the site's style with the way back, rather than a bare line of text.</summary>
    private const string WrongTokenPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>Admin - Prow</title><link rel="stylesheet" href="/static/deck.css" /></head>
        <body><main>
        <h1>Admin</h1>
        <p class="error" data-testid="admin-login-error">That is not the admin token.</p>
        <p><a href="/admin" data-testid="admin-login-retry">Try again</a> or go back to <a href="/">the jobs</a>.</p>
        </main></body>
        </html>
        """;

    public static void MapAdminLogin(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/admin/login", async (HttpContext context, IAntiforgery antiforgery, DeckSession session) =>
        {
            try
            {
                await antiforgery.ValidateRequestAsync(context);
            }
            catch (AntiforgeryValidationException)
            {
                return Results.Text("This form has expired; reload the admin page and try again.", statusCode: StatusCodes.Status400BadRequest);
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            return session.AdminSignIn(context, form["token"].ToString())
                ? Results.Redirect("/admin")
                : Results.Content(WrongTokenPage, "text/html; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized);
        });
}
