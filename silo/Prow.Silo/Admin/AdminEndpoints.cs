using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prow.Services.Admin;

namespace Prow.Silo.Admin;

/// <summary>
/// The grain admin API beside Orleans' dashboard: activations, the inbox and reminders, stored grains by type, a grain's persisted
/// state. Every route needs <c>Authorization: Bearer &lt;admin token&gt;</c>.
/// </summary>
internal static class AdminEndpoints
{
    public static void MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/admin/api").AddEndpointFilter(RequireTokenAsync);
        admin.MapGet("/stats", async (ISiloStatistics statistics, CancellationToken ct) =>
        {
            var snapshot = await statistics.SnapshotAsync(ct);
            return Results.Json(new
            {
                silo = Environment.MachineName,
                activations = snapshot.Silos.Sum(s => s.Activations),
                statistics = snapshot,
            });
        });
        admin.MapGet("/grains/{type}", async (string type, string? after, int? limit, IStoredStateReader inspector, CancellationToken ct) =>
            Results.Json(await inspector.ListKeysAsync(type, after, Math.Clamp(limit ?? 100, 1, 1000), ct)));
        admin.MapGet("/grains/{type}/{**key}", async (string type, string key, IStoredStateReader inspector, CancellationToken ct) =>
        {
            var states = await inspector.ReadStatesAsync(type, Uri.UnescapeDataString(key), ct);
            return states.Count == 0
                ? Results.NotFound(new { error = $"no stored state for {type}/{key}" })
                : Results.Json(states.Select(s => new { stateName = s.StateName, etag = s.ETag, updatedAt = s.UpdatedAt, state = System.Text.Json.JsonDocument.Parse(s.Json).RootElement }));
        });
    }

    private static async ValueTask<object?> RequireTokenAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var token = context.HttpContext.RequestServices.GetService(typeof(AdminToken)) as AdminToken;
        if (token is not { Configured: true })
        {
            return Results.Json(new { error = "the admin API is closed: start prow with --admin-token-file" }, statusCode: StatusCodes.Status403Forbidden);
        }

        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
        return token.Matches(presented)
            ? await next(context)
            : Results.Json(new { error = "a valid admin token is required (Authorization: Bearer ...)" }, statusCode: StatusCodes.Status401Unauthorized);
    }
}
