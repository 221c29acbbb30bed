using Prow.Services.Artifacts;
using Prow.Web.Lenses;

namespace Prow.Web.Logs;

/// <summary>
/// Prow's buildlog callback: a skipped group's bytes fetched by range and turned into lines, with what is still skipped
/// around them as skipped groups again. No request reads more than <see cref="AllBytesMax"/>.
/// </summary>
public static class BuildLogExpansion
{
    /// <summary>Prow's <c>moreLines</c>.</summary>
    public const int MoreLines = 20;

    public const int AllBytesMax = 1024 * 1024;

    private const int SomeBytesMax = 256 * 1024;

    public static async Task<IReadOnlyList<LogGroup>?> ExpandAsync(IArtifactStore store, string path, LogGroup skipped, ExpandMode mode, BuildLogLensConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(skipped);
        ArgumentNullException.ThrowIfNull(config);
        var (offset, end) = (skipped.Offset, skipped.Offset + skipped.Length);
        var parser = new BuildLogParser(config.Highlight, config.HighlightLineLengthMax);
        var lines = new List<RawLogLine>();
        if (mode == ExpandMode.Bottom)
        {
            var start = Math.Max(offset, end - SomeBytesMax);
            var splitter = new LogLineSplitter(start, lines.Add);
            if (!await store.CopyRangeToAsync(path, start, end - start, splitter, cancellationToken))
            {
                return null;
            }

            AddLast(splitter, lines, end);
            if (start > offset && lines.Count > 0)
            {
                lines.RemoveAt(0);
            }

            var taken = lines.TakeLast(MoreLines).ToList();
            var firstTaken = taken.Count > 0 ? taken[0].Offset : end;
            var firstNumber = skipped.LastLine - taken.Count + 1;
            var groups = new List<LogGroup>();
            if (firstTaken > offset)
            {
                groups.Add(LogGroup.Skip(offset, firstTaken - offset, skipped.FirstLine, firstNumber - 1));
            }

            groups.Add(LogGroup.Shown([.. taken.Select((l, i) => parser.Line(firstNumber + i, l.Text, l.Cut))]));
            return groups;
        }

        var length = Math.Min(end - offset, mode == ExpandMode.All ? AllBytesMax : SomeBytesMax);
        var forward = new LogLineSplitter(offset, lines.Add);
        if (!await store.CopyRangeToAsync(path, offset, length, forward, cancellationToken))
        {
            return null;
        }

        long? partEnd = null;
        if (offset + length >= end)
        {
            AddLast(forward, lines, end);
        }
        else if (lines.Count == 0 && forward.Finish() is { } part)
        {
            // One line longer than the range read: its start is shown, cut, and the rest of it stays skipped.
            lines.Add(part with { Cut = true });
            partEnd = forward.End;
        }

        var shown = mode == ExpandMode.Top ? lines.Take(MoreLines).ToList() : lines;
        var shownEnd = partEnd ?? (shown.Count > 0 ? Math.Min(end, shown[^1].Next) : offset);
        var result = new List<LogGroup> { LogGroup.Shown([.. shown.Select((l, i) => parser.Line(skipped.FirstLine + i, l.Text, l.Cut))]) };
        if (shownEnd < end)
        {
            result.Add(partEnd is null
                ? LogGroup.Skip(shownEnd, end - shownEnd, skipped.FirstLine + shown.Count, skipped.LastLine)
                : LogGroup.Skip(shownEnd, end - shownEnd, null, null));
        }

        return result;
    }

    /// <summary>The range's last line when it has no newline of its own (the log's last line, or a range cut by the caller).</summary>
    private static void AddLast(LogLineSplitter splitter, List<RawLogLine> lines, long end)
    {
        if (splitter.Finish() is { } last && last.Offset < end)
        {
            lines.Add(last);
        }
    }
}
