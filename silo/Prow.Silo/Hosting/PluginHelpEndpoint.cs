using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Prow.Services.Configuration;
using Prow.Services.PluginHelp;
using Prow.Web.Endpoints;

namespace Prow.Silo.Hosting;

/// <summary><c>/plugin-help.js</c>: every enabled plugin's help in Prow's JSON shape (external plugins asked at their <c>/help</c>); <c>?var=name</c> wraps it for a script tag, as deck does.</summary>
internal static class PluginHelpEndpoint
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = false };

    public static void MapPluginHelp(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/plugin-help.js", async (string? var, IConfigSource config, IPluginHelpSource help, ExternalPluginHelpClient externals, CancellationToken cancellationToken) =>
        {
            var snapshot = config.Current;
            var document = help.Build(snapshot) with { ExternalPluginHelp = await externals.AskAsync(snapshot.Plugins, cancellationToken) };
            return ScriptJson.Result(JsonSerializer.Serialize(document, s_json), var);
        });
    }
}
