using Orleans;
using Orleans.Concurrency;

namespace Prow.GrainInterfaces.ProwJobs;

/// <summary>One ProwJob (key: its id): created, scheduled on its build cluster, run, reported, finished.</summary>
public interface IProwJobGrain : IGrainWithStringKey
{
    /// <summary>Creates the job (idempotent on the id) and asks its build cluster for a slot.</summary>
    Task<ProwJob> CreateAsync(ProwJob job);

    Task<ProwJob?> GetAsync();

    /// <summary>Plank's admission let the job go on: it asks its build cluster for a slot.</summary>
    [OneWay]
    Task AdmittedAsync();

    /// <summary>The build cluster granted a slot: start the run.</summary>
    [OneWay]
    Task SlotGrantedAsync();

    /// <summary>The build cluster finished the run.</summary>
    Task RunFinishedAsync(BuildRunResult result);

    /// <summary>The cluster stopped the job's pod and created it again: Prow's pod_revival_count, kept so a restart goes on counting.</summary>
    Task PodRevivedAsync(int podRevivalCount);

    /// <summary>Ends the job as aborted (a newer push, a person) unless it already ended.</summary>
    Task AbortAsync(string description);

    /// <summary>Forgets a finished job (sinker); false when it has not finished.</summary>
    Task<bool> DeleteAsync();

    /// <summary>Runs the same spec again as a new ProwJob (deck's rerun button); returns the new job.</summary>
    Task<ProwJob> RerunAsync(string requestedBy);

    /// <summary>After a restart: a running job is followed again where its run outlives prow (a pod), else ended as lost; a waiting one queues again.</summary>
    Task ResumeAsync();
}

/// <summary>How a run ended, as the build cluster saw it.</summary>
/// <param name="State">The ProwJob state it ends in: success, failure, aborted or error.</param>
[GenerateSerializer, Immutable]
public sealed record BuildRunResult(string State, string Description, int? ExitCode, string? BuildLogFile);
