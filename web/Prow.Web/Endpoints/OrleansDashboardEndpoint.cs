using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans.Dashboard;
using Prow.Web.Auth;

namespace Prow.Web.Endpoints;

/// <summary>
/// Orleans' dashboard (activations, calls, silos) at <c>/orleans/</c>. It has no authentication of its own, so it sits
/// behind the admin token: the <c>/admin</c> cookie or <c>Authorization: Bearer</c>. A browser without either is sent
/// to <c>/admin</c>'s token form; anything else gets 401.
/// </summary>
internal static class OrleansDashboardEndpoint
{
    public const string Prefix = "/orleans";

    public static void MapOrleansDashboardForAdmins(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapOrleansDashboard(Prefix).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var session = http.RequestServices.GetService(typeof(DeckSession)) as DeckSession;
            var options = http.RequestServices.GetService(typeof(DeckOptions)) as DeckOptions;
            var header = http.Request.Headers.Authorization.ToString();
            var bearer = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
            if (session?.IsAdmin(http) == true || (bearer is not null && options?.AdminTokenMatches?.Invoke(bearer) == true))
            {
                return await next(context);
            }

            var page = http.Request.Path.Value is Prefix or Prefix + "/" or Prefix + "/index.html";
            return page && HttpMethods.IsGet(http.Request.Method) && !http.Request.Headers.ContainsKey("Authorization")
                ? Results.Redirect("/admin")
                : Results.Json(new { error = "a valid admin token is required (Authorization: Bearer ...)" }, statusCode: StatusCodes.Status401Unauthorized);
        });
}
