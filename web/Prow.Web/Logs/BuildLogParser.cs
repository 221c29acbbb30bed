using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Prow.Web.Logs;

/// <summary>
/// Turns a build log's lines into lines for display: ANSI SGR escapes (colours 30–37, 90–97, bold, reset) become CSS
/// classes, other escapes are dropped, and lines the lens's highlight regex matches are marked. The colour carries from
/// one line to the next, as in a terminal, so one parser reads one run of consecutive lines.
/// </summary>
public sealed partial class BuildLogParser(Regex highlight, int highlightLineLengthMax = int.MaxValue)
{
    /// <summary>Lines longer than this are cut in the view (the raw log has them whole).</summary>
    public const int DisplayLengthMax = 10_000;

    private AnsiStyle _style;

    [GeneratedRegex(@"\x1b\[([0-9;]*)([A-Za-z])")]
    private static partial Regex AnsiEscape();

    /// <summary>A whole log, as lines numbered from 1, with Prow's default highlighting.</summary>
    public static IReadOnlyList<BuildLogLine> Parse(string log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var lines = log.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        var parser = new BuildLogParser(Lenses.BuildLogLensConfig.Default.Highlight);
        return [.. lines.Take(count).Select((line, i) => parser.Line(i + 1, line))];
    }

    /// <summary>The next line; <paramref name="cut"/> when the text given is the start of a longer line.</summary>
    public BuildLogLine Line(int? number, string text, bool cut = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.EndsWith('\r'))
        {
            text = text[..^1];
        }

        if (text.Length > DisplayLengthMax)
        {
            (text, cut) = (text[..DisplayLengthMax], true);
        }

        var segments = Segments(text, ref _style);
        var plain = segments.Count == 1 ? segments[0].Text : string.Concat(segments.Select(s => s.Text));
        var highlighted = plain.Length <= highlightLineLengthMax && highlight.IsMatch(plain);
        return new BuildLogLine(number, segments, highlighted) { Cut = cut };
    }

    /// <summary>The line's text runs; the style carries over to the next line, as in a terminal.</summary>
    private static List<LogSegment> Segments(string line, ref AnsiStyle style)
    {
        var segments = new List<LogSegment>();
        var at = 0;
        foreach (Match escape in AnsiEscape().Matches(line))
        {
            if (escape.Index > at)
            {
                segments.Add(new LogSegment(line[at..escape.Index], style.CssClass));
            }

            if (escape.Groups[2].Value == "m")
            {
                style = style.Apply(escape.Groups[1].Value);
            }

            at = escape.Index + escape.Length;
        }

        if (at < line.Length || segments.Count == 0)
        {
            segments.Add(new LogSegment(line[at..], style.CssClass));
        }

        return segments;
    }

    private readonly record struct AnsiStyle(int? Foreground, bool Bold)
    {
        public string? CssClass
        {
            get
            {
                var classes = new StringBuilder();
                if (Foreground is { } colour)
                {
                    classes.Append(CultureInfo.InvariantCulture, $"ansi-fg-{colour}");
                }

                if (Bold)
                {
                    classes.Append(classes.Length > 0 ? " " : "").Append("ansi-bold");
                }

                return classes.Length > 0 ? classes.ToString() : null;
            }
        }

        public AnsiStyle Apply(string parameters)
        {
            var next = this;
            foreach (var part in parameters.Length == 0 ? ["0"] : parameters.Split(';'))
            {
                if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
                {
                    continue;
                }

                next = code switch
                {
                    0 => default,
                    1 => next with { Bold = true },
                    22 => next with { Bold = false },
                    39 => next with { Foreground = null },
                    >= 30 and <= 37 => next with { Foreground = code - 30 },
                    >= 90 and <= 97 => next with { Foreground = code - 90 + 8 },
                    _ => next,
                };
            }

            return next;
        }
    }
}
