using System.Text.Json.Serialization;
using Prow.GrainInterfaces.ProwJobs;

namespace Prow.Silo.Api;

/// <summary>Gangway's <c>JobExecution</c> answer, in protobuf's JSON names as gangway's REST gateway writes them.</summary>
internal sealed record JobExecution
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("jobName")]
    public required string JobName { get; init; }

    [JsonPropertyName("jobType")]
    public required string JobType { get; init; }

    [JsonPropertyName("jobStatus")]
    public required string JobStatus { get; init; }

    [JsonPropertyName("createTime")]
    public DateTimeOffset CreateTime { get; init; }

    /// <summary>The job's page on the status site.</summary>
    [JsonPropertyName("jobUrl")]
    public string? JobUrl { get; init; }

    public static JobExecution Of(ProwJob job, string? jobUrl) => new()
    {
        Id = job.Id,
        JobName = job.Spec.Job,
        JobType = JobExecutionType.NameOf(job.Spec.Type),
        JobStatus = JobExecutionType.StatusOf(job.Status.State),
        CreateTime = job.Metadata.CreationTimestamp,
        JobUrl = jobUrl,
    };
}
