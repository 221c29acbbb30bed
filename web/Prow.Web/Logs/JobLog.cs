namespace Prow.Web.Logs;

/// <summary>A build log ready to show; <see cref="Truncated"/> when it was longer than the display limit.</summary>
public sealed record JobLog(IReadOnlyList<BuildLogLine> Lines, bool Truncated);
