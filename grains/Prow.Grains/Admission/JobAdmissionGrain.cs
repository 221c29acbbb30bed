using Microsoft.Extensions.Logging;
using Prow.Services.Configuration;
using Prow.Services.JobIndex;

namespace Prow.Grains.Admission;

/// <summary>
/// Plank's admission for every build cluster (see <see cref="AdmissionPlanner"/> for the rules). Its state is the set of
/// admitted jobs and the waiting ones, kept in memory and derived again from the job index when the grain activates:
/// of the unfinished jobs (the persisted active set), pending ones are admitted and triggered ones wait in creation
/// order. That is safe because every ProwJob joins the active set and writes its state to the index before it asks for
/// admission or starts, both are shared by every silo (SQLite for one, PostgreSQL for several), and every call here is
/// idempotent on the job id; so wherever and whenever this grain activates again (after a restart, or on another silo
/// when its silo died) it counts what Prow's plank would count from its ProwJob informer. A job admitted but not yet pending when the grain moved is derived as waiting and,
/// being older than the jobs behind it, admitted again first.
/// </summary>
public sealed partial class JobAdmissionGrain(IProwJobIndex index, IConfigSource config, ILogger<JobAdmissionGrain> logger) : Grain, IJobAdmissionGrain
{
    /// <summary>As Prow's plank requeues a job it did not start: limits raised in the config are taken up within this time.</summary>
    private static readonly TimeSpan s_recheck = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, JobAdmissionRequest> _admitted = new(StringComparer.Ordinal);
    private readonly SortedSet<JobAdmissionRequest> _waiting = new(AdmissionPlanner.Order);
    private readonly Dictionary<string, JobAdmissionRequest> _waitingById = new(StringComparer.Ordinal);
    private IGrainTimer? _recheck;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Only this Prow's unfinished jobs: the index also holds runs imported from another Prow, never to end here.
        var active = (await GrainFactory.GetGrain<IActiveJobsGrain>("all").ListAsync()).ToHashSet(StringComparer.Ordinal);
        await foreach (var job in ListAsync(ProwJobState.Pending, cancellationToken))
        {
            if (active.Contains(job.Id))
            {
                _admitted[job.Id] = JobAdmissionRequest.For(job);
            }
        }

        await foreach (var job in ListAsync(ProwJobState.Triggered, cancellationToken))
        {
            if (active.Contains(job.Id))
            {
                Enqueue(JobAdmissionRequest.For(job));
            }
        }

        LogDerived(logger, _admitted.Count, _waiting.Count);
        WatchWaiting();

        // Deriving reads the index; staying active spares doing it again for every burst of jobs.
        DelayDeactivation(TimeSpan.FromDays(365));
    }

    Task<SlotDecision> IJobAdmissionGrain.TryAdmitAsync(JobAdmissionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_admitted.ContainsKey(request.JobId))
        {
            return Task.FromResult(new SlotDecision(true, null));
        }

        Enqueue(request);
        var plan = Dispatch(notifyExcept: request.JobId);
        return Task.FromResult(_admitted.ContainsKey(request.JobId)
            ? new SlotDecision(true, null)
            : new SlotDecision(false, plan.WaitReasons.GetValueOrDefault(request.JobId, "Waiting for admission.")));
    }

    Task IJobAdmissionGrain.ReleaseAsync(string jobId)
    {
        // A job that only waited frees nothing but may have held younger runs of its name or queue behind it.
        var held = _admitted.Remove(jobId);
        if (_waitingById.Remove(jobId, out var waiting))
        {
            _waiting.Remove(waiting);
            held = true;
        }

        if (held)
        {
            Dispatch(notifyExcept: null);
        }

        return Task.CompletedTask;
    }

    Task IJobAdmissionGrain.AdoptAsync(JobAdmissionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_waitingById.Remove(request.JobId, out var waiting))
        {
            _waiting.Remove(waiting);
        }

        _admitted[request.JobId] = request;
        WatchWaiting();
        return Task.CompletedTask;
    }

    Task<JobAdmissionView> IJobAdmissionGrain.GetAsync() =>
        Task.FromResult(new JobAdmissionView([.. _admitted.Keys.Order(StringComparer.Ordinal)], [.. _waiting.Select(w => w.JobId)]));

    private void Enqueue(JobAdmissionRequest request)
    {
        if (!_admitted.ContainsKey(request.JobId) && _waitingById.TryAdd(request.JobId, request))
        {
            _waiting.Add(request);
        }
    }

    /// <summary>Admits what the limits allow now and tells those jobs (but the caller, who gets the answer).</summary>
    private AdmissionPlan Dispatch(string? notifyExcept)
    {
        var plan = AdmissionPlanner.Plan(_admitted.Values, [.. _waiting], config.Current.Prow.Plank);
        foreach (var job in plan.Admit)
        {
            _waiting.Remove(job);
            _waitingById.Remove(job.JobId);
            _admitted[job.JobId] = job;
            if (job.JobId != notifyExcept)
            {
                // One-way: the job calls back here to go on, so waiting for it would be a call cycle.
                _ = GrainFactory.GetGrain<IProwJobGrain>(job.JobId).AdmittedAsync();
            }
        }

        WatchWaiting();
        return plan;
    }

    private void WatchWaiting()
    {
        if (_waiting.Count > 0)
        {
            _recheck ??= this.RegisterGrainTimer(RecheckAsync, s_recheck, s_recheck);
        }
        else
        {
            _recheck?.Dispose();
            _recheck = null;
        }
    }

    private Task RecheckAsync()
    {
        Dispatch(notifyExcept: null);
        return Task.CompletedTask;
    }

    private async IAsyncEnumerable<ProwJob> ListAsync(string jobState, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ProwJobCursor? after = null;
        while (true)
        {
            var page = await index.ListJobsAsync(new ProwJobQuery { State = jobState, After = after, Limit = ProwJobQuery.MaxLimit }, cancellationToken);
            foreach (var job in page)
            {
                yield return job;
            }

            if (page.Count < ProwJobQuery.MaxLimit)
            {
                yield break;
            }

            after = ProwJobCursor.Of(ProwJobSummary.From(page[^1]));
        }
    }

    [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Plank's admission derived from the job index: {Admitted} job(s) admitted, {Waiting} waiting")]
    private static partial void LogDerived(ILogger logger, int admitted, int waiting);
}
