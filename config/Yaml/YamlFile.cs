using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Prow.Config.Yaml;

/// <summary>Parses one YAML file into a node tree, turning syntax errors into problems with lines.</summary>
internal static class YamlFile
{
    /// <summary>Returns the first document's root, or null for an empty or broken file.</summary>
    public static YamlNode? Parse(string file, string text, ProblemSink sink)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(text));
                if (stream.Documents.Count == 0)
                {
                    return null;
                }

                if (stream.Documents.Count > 1)
                {
                    // Prow's YAML unmarshalling also reads only the first document; say so instead of dropping jobs silently.
                    sink.Warning(file, (int)Math.Max(1, stream.Documents[1].RootNode.Start.Line), "yaml", "only the first YAML document of a file is read");
                }

                var root = stream.Documents[0].RootNode;
                return root is YamlScalarNode s && YamlValues.IsNull(s) ? null : root;
            }
            catch (YamlException ex) when (attempt < 100 && QuotedScalarRepair.TryRepair(ref text, ex))
            {
                // Go's YAML parser accepts under-indented continuation lines of quoted scalars; so do we.
                sink.Warning(file, (int)Math.Max(1, ex.Start.Line), "yaml", "continuation line of a quoted string is less indented than its key");
            }
            catch (YamlException ex)
            {
                return Fail(file, sink, ex);
            }
        }
    }

    private static YamlNode? Fail(string file, ProblemSink sink, YamlException ex)
    {
        var line = (int)Math.Max(1, ex.Start.Line);
        var message = ex.InnerException?.Message ?? ex.Message;
        sink.Error(file, line, "yaml", "syntax error: " + Clean(message));
        return null;
    }

    // YamlDotNet prefixes messages with "(Line: x, Col: y, ...)"; the problem already carries the line.
    private static string Clean(string message)
    {
        var close = message.StartsWith('(') ? message.IndexOf("): ", StringComparison.Ordinal) : -1;
        return close > 0 ? message[(close + 3)..] : message;
    }
}
