using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Prow.Silo.Cli;

/// <summary>
/// A ProwJob as YAML, the way Prow's mkpj prints it: its JSON (Prow's field names) written as YAML, with every string
/// a YAML reader could take for something else (<c>"true"</c>, <c>"7"</c>, a timestamp, an empty string) quoted, so
/// <c>kubectl apply</c> reads back exactly the JSON.
/// </summary>
internal static partial class ProwJobYaml
{
    public static string Write(JsonElement json)
    {
        var stream = new YamlStream(new YamlDocument(Node(json)));
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        var text = writer.ToString();
        // The stream ends with YAML's document end marker, which mkpj's output has not.
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text.EndsWith("...\r\n", StringComparison.Ordinal) ? text[..^5] : text;
    }

    private static YamlNode Node(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Object => new YamlMappingNode(json.EnumerateObject().Select(p => KeyValuePair.Create<YamlNode, YamlNode>(Text(p.Name), Node(p.Value)))),
        JsonValueKind.Array => new YamlSequenceNode(json.EnumerateArray().Select(Node)),
        JsonValueKind.String => Text(json.GetString()!),
        JsonValueKind.True => new YamlScalarNode("true") { Style = ScalarStyle.Plain },
        JsonValueKind.False => new YamlScalarNode("false") { Style = ScalarStyle.Plain },
        JsonValueKind.Null => new YamlScalarNode("null") { Style = ScalarStyle.Plain },
        _ => new YamlScalarNode(json.GetRawText()) { Style = ScalarStyle.Plain },
    };

    private static YamlScalarNode Text(string value) =>
        new(value) { Style = value.Length == 0 || Ambiguous().IsMatch(value) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any };

    /// <summary>YAML 1.1's booleans and nulls, and anything that starts like a number or a date.</summary>
    [GeneratedRegex(@"^(?:[yY]|[nN]|[yY]es|YES|[nN]o|NO|[tT]rue|TRUE|[fF]alse|FALSE|[oO]n|ON|[oO]ff|OFF|~|[nN]ull|NULL|[-+.]?[0-9].*|\.(?:inf|Inf|INF|nan|NaN|NAN))$", RegexOptions.Singleline)]
    private static partial Regex Ambiguous();
}
