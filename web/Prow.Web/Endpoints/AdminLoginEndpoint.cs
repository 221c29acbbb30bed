using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prow.Web.Auth;

namespace Prow.Web.Endpoints;

/// <summary><c>POST /admin/login</c>: the admin token, once, for a browser cookie that opens <c>/admin</c>.</summary>
internal static class AdminLoginEndpoint
{
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
                : Results.Text("That is not the admin token.", statusCode: StatusCodes.Status401Unauthorized);
        });
}
