using Prow.Config.Components;

namespace Prow.Grains.Admission;

/// <summary>
/// Plank's concurrency rules as pure functions. As in Prow's plank: with <c>plank.max_concurrency</c> set, no job is
/// admitted while that many are; a job with <c>max_concurrency</c> waits while that many runs of its name are admitted
/// or wait from before it; a job with <c>job_queue_name</c> waits likewise for its queue's capacity (0 blocks the
/// queue, a negative capacity is unlimited, a queue missing from <c>job_queue_capacities</c> never admits). Waiting
/// jobs are tried oldest first, so runs of one job or one queue start in the order they were created.
/// </summary>
public static class AdmissionPlanner
{
    /// <summary>Prow's order: creation time, then id.</summary>
    public static IComparer<JobAdmissionRequest> Order { get; } = Comparer<JobAdmissionRequest>.Create((a, b) =>
        a.Created != b.Created ? a.Created.CompareTo(b.Created) : string.CompareOrdinal(a.JobId, b.JobId));

    /// <summary>
    /// The waiting jobs (in <see cref="Order"/>) to admit now, and for each one left waiting why. A job left waiting
    /// still counts against the younger jobs of its name and queue.
    /// </summary>
    public static AdmissionPlan Plan(IEnumerable<JobAdmissionRequest> admitted, IReadOnlyList<JobAdmissionRequest> waiting, PlankConfig plank)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        ArgumentNullException.ThrowIfNull(plank);
        var tally = new Tally();
        foreach (var job in admitted)
        {
            tally.Admit(job);
        }

        var admit = new List<JobAdmissionRequest>();
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var job in waiting)
        {
            if (Blocked(job, tally, plank) is { } reason)
            {
                reasons[job.JobId] = reason;
                tally.Wait(job);
            }
            else
            {
                admit.Add(job);
                tally.Admit(job);
            }
        }

        return new AdmissionPlan(admit, reasons);
    }

    private static string? Blocked(JobAdmissionRequest job, Tally tally, PlankConfig plank)
    {
        if (plank.MaxConcurrency > 0 && tally.Admitted >= plank.MaxConcurrency)
        {
            return $"Waiting: plank's max_concurrency {plank.MaxConcurrency} reached.";
        }

        if (job.MaxConcurrency > 0 && tally.OfName(job.JobName) >= job.MaxConcurrency)
        {
            return $"Waiting: max_concurrency {job.MaxConcurrency} of {job.JobName} reached.";
        }

        if (job.QueueName is not { } queue)
        {
            return null;
        }

        if (!plank.JobQueueCapacities.TryGetValue(queue, out var capacity))
        {
            return $"Waiting: job queue {queue} is not in plank's job_queue_capacities.";
        }

        return capacity switch
        {
            0 => $"Waiting: job queue {queue} has capacity 0.",
            > 0 when tally.InQueue(queue) >= capacity => $"Waiting: job queue {queue} is full ({capacity} at once).",
            _ => null,
        };
    }

    /// <summary>Counts per name and queue of the jobs admitted and of those left waiting so far (older than the next).</summary>
    private sealed class Tally
    {
        private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _byQueue = new(StringComparer.Ordinal);

        public int Admitted { get; private set; }

        public int OfName(string name) => _byName.GetValueOrDefault(name);

        public int InQueue(string queue) => _byQueue.GetValueOrDefault(queue);

        public void Admit(JobAdmissionRequest job)
        {
            Admitted++;
            Count(job);
        }

        public void Wait(JobAdmissionRequest job) => Count(job);

        private void Count(JobAdmissionRequest job)
        {
            _byName[job.JobName] = OfName(job.JobName) + 1;
            if (job.QueueName is { } queue)
            {
                _byQueue[queue] = InQueue(queue) + 1;
            }
        }
    }
}
