using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Prow.Silo.Hosting;

/// <summary>Deck's <c>*.js</c> answers: plain JSON, or with <c>?var=name</c> a script that assigns it, for a script tag.</summary>
internal static partial class ScriptJson
{
    public static IResult Result(string json, string? variable) =>
        variable is null ? Results.Text(json, "application/json")
        : JavaScriptIdentifier().IsMatch(variable) ? Results.Text($"var {variable} = {json};", "application/javascript")
        : Results.BadRequest("var must be a JavaScript identifier");

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex JavaScriptIdentifier();
}
