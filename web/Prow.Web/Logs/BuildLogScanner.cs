using Prow.Services.Artifacts;
using Prow.Web.Lenses;

namespace Prow.Web.Logs;

/// <summary>
/// The buildlog lens's first view of a log, as Prow's lens groups it: the highlighted lines with
/// <see cref="NeighbourLines"/> lines either side are shown, the rest is skipped and fetched on demand by byte range;
/// here the first <see cref="HeadLines"/> and last <see cref="TailLines"/> lines are shown too. A log up to
/// <see cref="HighlightSizeThreshold"/> is streamed through once and only the lines shown are kept; a bigger one
/// (where Prow stops highlighting) is read only at its head and tail, so its size costs nothing.
/// </summary>
public static class BuildLogScanner
{
    public const int HeadLines = 20;
    public const int TailLines = 100;
    public const int NeighbourLines = 5;

    /// <summary>Prow's <c>highlightSizeThreshold</c>: 10 MiB.</summary>
    public const long HighlightSizeThreshold = 10 * 1024 * 1024;

    /// <summary>At most this many lines are shown at first; highlighted lines past it are left in skipped groups.</summary>
    public const int ShownLinesMax = 5_000;

    internal const int HeadBytes = 64 * 1024;
    internal const int TailBytes = 256 * 1024;

    /// <summary>Prow's <c>minLinesSkipped</c>: a gap shorter than this is shown rather than skipped.</summary>
    private const int MinLinesSkipped = 5;

    public static async Task<BuildLogView?> ViewAsync(IArtifactStore store, string path, string artifact, BuildLogLensConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(config);
        if (await store.SizeAsync(path, cancellationToken) is not { } size)
        {
            return null;
        }

        return size <= HighlightSizeThreshold
            ? await ScanAsync(store, path, artifact, size, config, cancellationToken)
            : await HeadAndTailAsync(store, path, artifact, size, config, cancellationToken);
    }

    private static async Task<BuildLogView> ScanAsync(IArtifactStore store, string path, string artifact, long size, BuildLogLensConfig config, CancellationToken cancellationToken)
    {
        var shown = new List<(int Number, RawLogLine Line)>();
        var recent = new Queue<(int Number, RawLogLine Line)>();
        var tail = new Queue<(int Number, RawLogLine Line)>();
        var number = 0;
        var after = 0;
        var full = false;
        var lastShown = 0;

        void OnLine(RawLogLine line)
        {
            number++;
            var highlighted = !full && line.Length <= config.HighlightLineLengthMax && config.Highlight.IsMatch(line.Text);
            if (number <= HeadLines || highlighted || after > 0)
            {
                // A highlighted line brings its neighbours before it, and the whole gap when it is too short to skip.
                var windowStart = number - NeighbourLines;
                var showGap = windowStart - lastShown - 1 < MinLinesSkipped;
                while (highlighted && recent.TryDequeue(out var before))
                {
                    if (showGap || before.Number >= windowStart)
                    {
                        Show(before);
                    }
                }

                Show((number, line));
                after = highlighted ? NeighbourLines : Math.Max(0, after - 1);
            }
            else
            {
                recent.Enqueue((number, line));
                if (recent.Count > NeighbourLines + MinLinesSkipped)
                {
                    recent.Dequeue();
                }
            }

            tail.Enqueue((number, line));
            if (tail.Count > TailLines)
            {
                tail.Dequeue();
            }
        }

        void Show((int Number, RawLogLine Line) line)
        {
            shown.Add(line);
            lastShown = line.Number;
            full = shown.Count >= ShownLinesMax;
        }

        var splitter = new LogLineSplitter(0, OnLine);
        await store.CopyRangeToAsync(path, 0, size, splitter, cancellationToken);
        if (splitter.Finish() is { } last)
        {
            OnLine(last);
        }

        foreach (var line in tail.Where(t => t.Number > lastShown))
        {
            shown.Add(line);
        }

        var warning = full ? $"Only the first {ShownLinesMax:N0} lines around highlighted lines are shown; expand the skipped lines for the rest." : null;
        return new BuildLogView(artifact, size, Group(shown, config), warning, config.ShowRawLog);
    }

    private static async Task<BuildLogView> HeadAndTailAsync(IArtifactStore store, string path, string artifact, long size, BuildLogLensConfig config, CancellationToken cancellationToken)
    {
        var head = new List<RawLogLine>();
        var headSplitter = new LogLineSplitter(0, line =>
        {
            if (head.Count < HeadLines)
            {
                head.Add(line);
            }
        });
        await store.CopyRangeToAsync(path, 0, HeadBytes, headSplitter, cancellationToken);
        var headEnd = head.Count > 0 ? head[^1].Next : 0;

        var tailStart = Math.Max(headEnd, size - TailBytes);
        var tail = new Queue<RawLogLine>();
        var first = true;
        var tailSplitter = new LogLineSplitter(tailStart, line =>
        {
            // The range starts inside a line: that part belongs to the skipped middle.
            if (first && tailStart > headEnd)
            {
                first = false;
                return;
            }

            tail.Enqueue(line);
            if (tail.Count > TailLines)
            {
                tail.Dequeue();
            }
        });
        await store.CopyRangeToAsync(path, tailStart, size - tailStart, tailSplitter, cancellationToken);
        if (tailSplitter.Finish() is { } last)
        {
            tail.Enqueue(last);
            if (tail.Count > TailLines)
            {
                tail.Dequeue();
            }
        }

        var parser = new BuildLogParser(config.Highlight, config.HighlightLineLengthMax);
        var groups = new List<LogGroup> { LogGroup.Shown([.. head.Select((l, i) => parser.Line(i + 1, l.Text, l.Cut))]) };
        var middleEnd = tail.Count > 0 ? tail.Peek().Offset : size;
        if (middleEnd > headEnd)
        {
            groups.Add(LogGroup.Skip(headEnd, middleEnd - headEnd, head.Count + 1, null));
        }

        groups.Add(LogGroup.Shown([.. tail.Select(l => parser.Line(null, l.Text, l.Cut))]));
        var warning = $"The log is {size / (1024.0 * 1024):N1} MiB, over 10 MiB: its first and last lines are shown, and highlighted lines elsewhere are not searched for.";
        return new BuildLogView(artifact, size, [.. groups.Where(g => g.Skipped || g.Lines.Count > 0)], warning, config.ShowRawLog);
    }

    /// <summary>Shown lines in order, with a skipped group for each gap between them.</summary>
    private static List<LogGroup> Group(List<(int Number, RawLogLine Line)> shown, BuildLogLensConfig config)
    {
        var parser = new BuildLogParser(config.Highlight, config.HighlightLineLengthMax);
        var groups = new List<LogGroup>();
        var run = new List<BuildLogLine>();
        (int Number, RawLogLine Line)? previous = null;
        foreach (var (number, line) in shown)
        {
            if (previous is { } p && number > p.Number + 1)
            {
                groups.Add(LogGroup.Shown(run));
                run = [];
                groups.Add(LogGroup.Skip(p.Line.Next, line.Offset - p.Line.Next, p.Number + 1, number - 1));
            }

            run.Add(parser.Line(number, line.Text, line.Cut));
            previous = (number, line);
        }

        if (run.Count > 0)
        {
            groups.Add(LogGroup.Shown(run));
        }

        return groups;
    }
}
