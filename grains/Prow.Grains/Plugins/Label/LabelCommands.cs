using System.Text.RegularExpressions;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Label;

/// <summary>
/// The label commands in a comment: <c>/kind bug</c> means <c>kind/bug</c>, <c>/remove-area x</c> takes <c>area/x</c> off,
/// and <c>/label x</c> / <c>/remove-label x</c> work only for labels the configuration allows (anything else is invalid).
/// </summary>
public sealed partial record LabelCommands(IReadOnlyList<string> ToAdd, IReadOnlyList<string> ToRemove, IReadOnlyList<string> Invalid)
{
    /// <summary>The label types every repository may use with their own command.</summary>
    public static readonly IReadOnlyList<string> Types = ["area", "committee", "kind", "language", "priority", "sig", "triage", "wg"];

    public bool IsEmpty => ToAdd.Count == 0 && ToRemove.Count == 0 && Invalid.Count == 0;

    [GeneratedRegex(@"(?s)<!--.*?-->")]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"(?m)^/(area|committee|kind|language|priority|sig|triage|wg)\b.*$")]
    private static partial Regex Typed();

    [GeneratedRegex(@"(?m)^/remove-(area|committee|kind|language|priority|sig|triage|wg)\b.*$")]
    private static partial Regex RemoveTyped();

    [GeneratedRegex(@"(?m)^/label\b.*$")]
    private static partial Regex Custom();

    [GeneratedRegex(@"(?m)^/remove-label\b.*$")]
    private static partial Regex RemoveCustom();

    /// <param name="allowedCustom">Whether <c>/label x</c> may name x (additional or restricted labels, lower-case).</param>
    public static LabelCommands Parse(string body, Func<string, bool> allowedCustom)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(allowedCustom);
        var text = HtmlComment().Replace(Commands.Unquoted(body), "");
        var invalid = new List<string>();
        return new LabelCommands(
            [.. TypedLabels(Typed(), text), .. CustomLabels(Custom(), "/label", text, allowedCustom, invalid)],
            [.. TypedLabels(RemoveTyped(), text), .. CustomLabels(RemoveCustom(), "/remove-label", text, allowedCustom, invalid)],
            invalid);
    }

    /// <summary>Every word after the command is one value of the command's type ("/kind bug flake": two labels).</summary>
    private static IEnumerable<string> TypedLabels(Regex command, string text) =>
        command.Matches(text).SelectMany(m => Words(m).Skip(1).Select(value => (m.Groups[1].Value + "/" + value).ToLowerInvariant()));

    /// <summary>Exactly one word after the command itself ("/labels x" or "/label x y" are not commands).</summary>
    private static List<string> CustomLabels(Regex command, string name, string text, Func<string, bool> allowed, List<string> invalid)
    {
        var labels = new List<string>();
        foreach (Match m in command.Matches(text))
        {
            var words = Words(m);
            if (words.Length != 2 || words[0] != name)
            {
                continue;
            }

            var label = words[1].ToLowerInvariant();
            if (allowed(label))
            {
                labels.Add(label);
            }
            else
            {
                invalid.Add(m.Value.Trim());
            }
        }

        return labels;
    }

    private static string[] Words(Match match) => match.Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
