using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Prow.Services.Configuration;
using Prow.Services.PluginHelp;
using Prow.Web.Endpoints;

namespace Prow.Silo.Hosting;

/// <summary><c>/plugin-help.js</c>: every enabled plugin's help in Prow's JSON shape; <c>?var=name</c> wraps it for a script tag, as deck does.</summary>
internal static class PluginHelpEndpoint
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = false };

    public static void MapPluginHelp(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/plugin-help.js", (string? var, IConfigSource config, IPluginHelpSource help) =>
            ScriptJson.Result(JsonSerializer.Serialize(help.Build(config.Current), s_json), var));
    }
}
