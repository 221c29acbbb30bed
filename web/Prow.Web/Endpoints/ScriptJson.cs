using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Prow.Web.Endpoints;

/// <summary>Deck's <c>*.js</c> answers (prowjobs, tide, plugin help): plain JSON, or with <c>?var=name</c> a script that assigns it, for a script tag.</summary>
public static partial class ScriptJson
{
    /// <summary>No <c>?var=</c>, or one that names a JavaScript identifier (anything else could inject script).</summary>
    public static bool IsValidVariable(string? variable) => variable is null || JavaScriptIdentifier().IsMatch(variable);

    public static IResult InvalidVariable() => Results.Text("var must be a JavaScript identifier", statusCode: StatusCodes.Status400BadRequest);

    public static IResult Result(string json, string? variable) =>
        !IsValidVariable(variable) ? InvalidVariable()
        : variable is null ? Results.Text(json, "application/json")
        : Results.Text($"var {variable} = {json};", "application/javascript");

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex JavaScriptIdentifier();
}
