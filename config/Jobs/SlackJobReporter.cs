namespace Prow.Config.Jobs;

/// <summary>Slack reporting settings of one job or of <c>slack_reporter_configs</c>.</summary>
public sealed record SlackJobReporter
{
    public string? Host { get; init; }
    public string? Channel { get; init; }
    public IReadOnlyList<string> JobStatesToReport { get; init; } = [];
    public IReadOnlyList<string> JobTypesToReport { get; init; } = [];
    public string? ReportTemplate { get; init; }
    public bool? Report { get; init; }
}
