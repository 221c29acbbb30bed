using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prow.Grains.Configuration;
using Prow.Grains.Plugins.Framework;

namespace Prow.Silo.Hosting;

/// <summary><c>/plugin-help.js</c>: every enabled plugin's help in Prow's JSON shape; <c>?var=name</c> wraps it for a script tag, as deck does.</summary>
internal static partial class PluginHelpEndpoint
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = false };

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex JavaScriptIdentifier();

    public static void MapPluginHelp(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/plugin-help.js", (string? var, IConfigSource config, PluginRegistry registry) =>
        {
            var json = JsonSerializer.Serialize(PluginHelpDocument.Build(config.Current, registry), s_json);
            if (var is null)
            {
                return Results.Text(json, "application/json");
            }

            return JavaScriptIdentifier().IsMatch(var)
                ? Results.Text($"var {var} = {json};", "application/javascript")
                : Results.BadRequest("var must be a JavaScript identifier");
        });
    }
}
