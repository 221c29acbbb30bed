using YamlDotNet.Core;

namespace Prow.Config.Yaml;

/// <summary>
/// Go's YAML parser accepts a multi-line quoted scalar whose continuation lines sit left of the
/// block indentation (the corpus has <c>- "make test\n"</c> with the closing quote in column 0);
/// YamlDotNet rejects it. Indenting those lines keeps the value (folding strips leading spaces)
/// and every line number.
/// </summary>
internal static class QuotedScalarRepair
{
    public static bool TryRepair(ref string text, YamlException ex)
    {
        if (!ex.Message.Contains("quoted scalar", StringComparison.Ordinal) ||
            !ex.Message.Contains("wrong indentation", StringComparison.Ordinal))
        {
            return false;
        }

        var lines = text.Split('\n');
        var start = (int)ex.Start.Line - 1;
        if (start < 0 || start >= lines.Length - 1)
        {
            return false;
        }

        var column = (int)ex.Start.Column - 1;
        var quote = column >= 0 && column < lines[start].Length ? lines[start][column] : '"';
        var indent = new string(' ', Indent(lines[start]) + 1);
        var changed = false;
        for (var i = start + 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length > 0 && Indent(lines[i]) < indent.Length)
            {
                lines[i] = indent + lines[i].TrimStart(' ');
                changed = true;
            }

            if (lines[i].Contains(quote, StringComparison.Ordinal))
            {
                break;
            }
        }

        text = string.Join('\n', lines);
        return changed;
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;
}
