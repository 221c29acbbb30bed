using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prow.Services.JobIndex;

namespace Prow.Web.Endpoints;

/// <summary>
/// <c>/prowjobs.js</c>: the newest ProwJobs (at most <see cref="ProwJobQuery.MaxLimit"/>) as Prow's <c>{"items": [...]}</c>,
/// read from the job index. <c>?var=name</c> wraps it for a script tag; <c>?omit=annotations,labels,decoration_config,pod_spec</c>
/// drops those fields, as Prow's deck does.
/// </summary>
internal static class ProwJobsEndpoint
{
    private static readonly Dictionary<string, (string Parent, string Field)> s_omittable = new(StringComparer.Ordinal)
    {
        ["annotations"] = ("metadata", "annotations"),
        ["labels"] = ("metadata", "labels"),
        ["decoration_config"] = ("spec", "decoration_config"),
        ["pod_spec"] = ("spec", "pod_spec"),
    };

    public static void MapProwJobsJs(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/prowjobs.js", async (string? var, string? omit, IProwJobIndex index, CancellationToken cancellationToken) =>
        {
            // Checked before the query, so a bad request costs no index read.
            if (!ScriptJson.IsValidVariable(var))
            {
                return ScriptJson.InvalidVariable();
            }

            var omitted = (omit ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (omitted.FirstOrDefault(o => !s_omittable.ContainsKey(o)) is { } unknown)
            {
                return Results.Text($"omit: unknown field '{unknown}' (known: {string.Join(", ", s_omittable.Keys)})", statusCode: StatusCodes.Status400BadRequest);
            }

            var jobs = await index.ListJobsAsync(new ProwJobQuery { Limit = ProwJobQuery.MaxLimit }, cancellationToken);
            var items = new JsonArray();
            foreach (var job in jobs)
            {
                var node = JsonSerializer.SerializeToNode(job)!.AsObject();
                foreach (var field in omitted)
                {
                    var (parent, name) = s_omittable[field];
                    (node[parent] as JsonObject)?.Remove(name);
                }

                items.Add(node);
            }

            var json = new JsonObject { ["items"] = items }.ToJsonString();
            return ScriptJson.Result(json, var);
        });
}
