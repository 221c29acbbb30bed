namespace Prow.Web.Logs;

/// <summary>What the job view shows of a build log: its groups, its size and any warning (highlighting turned off).</summary>
public sealed record BuildLogView(string Artifact, long Size, IReadOnlyList<LogGroup> Groups, string? Warning, bool ShowRawLog);
