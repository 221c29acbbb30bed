namespace Prow.Web.Logs;

/// <summary>
/// One line of a build log, split where its ANSI colours change; <see cref="Highlighted"/> when a highlight regex
/// matched it. <see cref="Number"/> is null where the line's number is not known (the tail of a log too big to count).
/// </summary>
public sealed record BuildLogLine(int? Number, IReadOnlyList<LogSegment> Segments, bool Highlighted)
{
    /// <summary>The line was longer than the view shows; the raw log has all of it.</summary>
    public bool Cut { get; init; }
}

/// <summary>Text in one style: <see cref="CssClass"/> names the colour and weight, null for plain text.</summary>
public sealed record LogSegment(string Text, string? CssClass);
