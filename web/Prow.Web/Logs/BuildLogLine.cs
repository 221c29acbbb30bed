namespace Prow.Web.Logs;

/// <summary>One line of a build log, split where its ANSI colours change; <see cref="IsError"/> lines are highlighted.</summary>
public sealed record BuildLogLine(int Number, IReadOnlyList<LogSegment> Segments, bool IsError);

/// <summary>Text in one style: <see cref="CssClass"/> names the colour and weight, null for plain text.</summary>
public sealed record LogSegment(string Text, string? CssClass);
