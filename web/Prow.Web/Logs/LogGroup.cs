namespace Prow.Web.Logs;

/// <summary>
/// A run of a build log's lines: shown (<see cref="Lines"/>), or skipped, when it stands for the bytes
/// [<see cref="Offset"/>, <see cref="Offset"/> + <see cref="Length"/>) that the page fetches only when asked.
/// <see cref="FirstLine"/> and <see cref="LastLine"/> number a skipped run when they are known.
/// </summary>
public sealed record LogGroup(IReadOnlyList<BuildLogLine> Lines, bool Skipped, long Offset, long Length, int? FirstLine, int? LastLine)
{
    public static LogGroup Shown(IReadOnlyList<BuildLogLine> lines) => new(lines, false, 0, 0, null, null);

    public static LogGroup Skip(long offset, long length, int? firstLine, int? lastLine) => new([], true, offset, length, firstLine, lastLine);

    /// <summary>How many lines are skipped, when both ends are known.</summary>
    public int? LinesSkipped => FirstLine is { } first && LastLine is { } last ? last - first + 1 : null;
}
