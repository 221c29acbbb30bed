using Orleans;

namespace Prow.GrainInterfaces.ProwJobs;

/// <summary>
/// Plank's admission for every build cluster at once (key <see cref="Key"/>): the global <c>plank.max_concurrency</c>,
/// each job's <c>max_concurrency</c> and <c>plank.job_queue_capacities</c>. A job admitted here then asks its build
/// cluster for a slot; a job that must wait stays triggered and is told when it is admitted.
/// </summary>
public interface IJobAdmissionGrain : IGrainWithStringKey
{
    /// <summary>The one key: Prow's limits span every cluster, so one grain decides.</summary>
    const string Key = "plank";

    /// <summary>Admitted now, or a place among the waiting jobs and the reason the job waits.</summary>
    Task<SlotDecision> TryAdmitAsync(JobAdmissionRequest request);

    /// <summary>The job ended or left: its admission (or its place among the waiting) is freed and waiting jobs move up.</summary>
    Task ReleaseAsync(string jobId);

    /// <summary>After a restart, a run that still goes on counts as admitted again, whatever the limits say now.</summary>
    Task AdoptAsync(JobAdmissionRequest request);

    Task<JobAdmissionView> GetAsync();
}

/// <summary>What admission needs of a job: the limits it names and its creation time, which orders the waiting.</summary>
[GenerateSerializer, Immutable]
public sealed record JobAdmissionRequest(string JobId, string JobName, int MaxConcurrency, string? QueueName, DateTimeOffset Created)
{
    public static JobAdmissionRequest For(ProwJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new(job.Id, job.Spec.Job, job.Spec.MaxConcurrency, string.IsNullOrEmpty(job.Spec.JobQueueName) ? null : job.Spec.JobQueueName, job.Metadata.CreationTimestamp);
    }
}

/// <summary>The admitted jobs (pending, or waiting only for their cluster) and the waiting ones in the order they will be admitted.</summary>
[GenerateSerializer, Immutable]
public sealed record JobAdmissionView(IReadOnlyList<string> Admitted, IReadOnlyList<string> Waiting);
