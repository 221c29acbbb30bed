namespace Prow.Config.Jobs;

/// <summary>Per-job reporting (<c>reporter_config.slack</c>).</summary>
public sealed record ReporterConfig(SlackJobReporter? Slack, IReadOnlyDictionary<string, object?> Extra);
