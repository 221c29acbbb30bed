using System.Text.Json.Serialization;
using Orleans;

namespace Prow.GrainInterfaces.ProwJobs;

/// <summary>Prow's <c>ReporterConfig</c> of a ProwJob.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record ProwJobReporterConfig
{
    [JsonPropertyName("slack")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SlackReporterConfig? Slack { get; init; }
}

/// <summary>
/// Prow's <c>SlackReporterConfig</c>: a job's own Slack reporting, merged over <c>slack_reporter_configs</c> when it is
/// reported. Empty and null fields take the configured defaults.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record SlackReporterConfig
{
    [JsonPropertyName("host")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Host { get; init; }

    [JsonPropertyName("channel")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Channel { get; init; }

    [JsonPropertyName("job_states_to_report")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? JobStatesToReport { get; init; }

    [JsonPropertyName("report_template")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ReportTemplate { get; init; }

    /// <summary>False stops Slack reports of the job whatever else says (Prow derives it from <c>job_states_to_report: []</c>).</summary>
    [JsonPropertyName("report")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Report { get; init; }
}
