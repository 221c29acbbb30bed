namespace Prow.Grains.Reporting;

/// <summary>
/// Crier's bookkeeping as pure functions: a newer state supersedes an older one (a replayed or late older state is
/// ignored), and a reporter owes the current state until it delivered exactly that state.
/// </summary>
public static class CrierLedger
{
    /// <summary>The state with <paramref name="job"/> recorded; unchanged when it is not newer than what is held.</summary>
    public static CrierState Record(CrierState state, ProwJob job)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(job);
        if (state.Job is { } held && (Rank(job) < Rank(held) || (Rank(job) == Rank(held) && job.Status.State == held.Status.State)))
        {
            return state;
        }

        return state with { Job = job };
    }

    public static IReadOnlyList<IJobReporter> Owed(CrierState state, IEnumerable<IJobReporter> reporters)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Job is not { } job
            ? []
            : [.. reporters.Where(r => r.ShouldReport(job) && state.Reported.GetValueOrDefault(r.Name) != job.Status.State)];
    }

    /// <summary>Records that <paramref name="reporter"/> is done with <paramref name="reportedState"/> (delivered or given up).</summary>
    public static CrierState Done(CrierState state, string reporter, string reportedState)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state with { Reported = new Dictionary<string, string>(state.Reported, StringComparer.Ordinal) { [reporter] = reportedState } };
    }

    /// <summary>triggered, then pending, then a final state: a job never goes back.</summary>
    private static int Rank(ProwJob job) => job.Status.Complete ? 2 : job.Status.State == ProwJobState.Pending ? 1 : 0;
}
