using System.Diagnostics.Metrics;
using Prow.Services.Metrics;

namespace Prow.Grains.ProwJobs;

/// <summary>
/// What Prow's plank and exporter count as jobs move: <c>prowjob_state_transitions</c> (plank) and
/// <c>prow_job_runtime_seconds</c> (the exporter's lifecycle histogram: time from creation to pending, pending to
/// the end, or creation to the end of a job that never started), with Prow's labels and buckets.
/// </summary>
public sealed class PlankMetrics : IDisposable
{
    private static readonly double[] s_runtimeBuckets =
        [30, 60, 120, 300, 600, 1800, 3600, 7200, 10800, 14400, 18000, 21600, 25200, 28800, 32400, 36000];

    private readonly Meter _meter;
    private readonly Counter<long> _transitions;
    private readonly Histogram<double> _runtime;

    public PlankMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(UpstreamMetrics.MeterPrefix + "Plank");
        _transitions = _meter.CreateCounter<long>("prowjob_state_transitions", description: "Number of prowjobs transitioning states.");
        _runtime = _meter.CreateHistogram(
            "prow_job_runtime_seconds",
            unit: "s",
            description: "Time spent by ProwJobs between states.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_runtimeBuckets });
    }

    /// <summary>Counts the move from <paramref name="before"/> (null: just created) to <paramref name="after"/>, if the state changed.</summary>
    public void Saved(ProwJob? before, ProwJob after)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (before?.Status.State == after.Status.State)
        {
            return;
        }

        var (org, repo, baseRef) = RefsOf(after);
        var retest = after.Metadata.Labels.GetValueOrDefault("prow.k8s.io/retest") == "true" ? "true" : "false";
        _transitions.Add(1, [
            new("job_namespace", after.Metadata.Namespace), new("job_name", after.Spec.Job), new("type", after.Spec.Type),
            new("state", after.Status.State), new("org", org), new("repo", repo), new("base_ref", baseRef),
            new("cluster", after.Spec.Cluster), new("retest", retest)]);

        if (before is null || Elapsed(before, after) is not { } elapsed)
        {
            return;
        }

        _runtime.Record(elapsed.TotalSeconds, [
            new("job_namespace", after.Metadata.Namespace), new("job_name", after.Spec.Job), new("type", after.Spec.Type),
            new("last_state", before.Status.State), new("state", after.Status.State), new("org", org), new("repo", repo), new("base_ref", baseRef)]);
    }

    public void Dispose() => _meter.Dispose();

    private static TimeSpan? Elapsed(ProwJob before, ProwJob after)
    {
        DateTimeOffset? from = before.Status.State switch
        {
            ProwJobState.Triggered => before.Metadata.CreationTimestamp,
            ProwJobState.Pending => before.Status.PendingTime,
            _ => null,
        };
        var to = after.Status.State == ProwJobState.Pending ? after.Status.PendingTime : after.Status.CompletionTime;
        return from is { } f && to is { } t ? t - f : null;
    }

    private static (string Org, string Repo, string BaseRef) RefsOf(ProwJob job) =>
        job.Spec.Refs is { } refs ? (refs.Org, refs.Repo, refs.BaseRef)
        : job.Spec.ExtraRefs.Count > 0 ? (job.Spec.ExtraRefs[0].Org, job.Spec.ExtraRefs[0].Repo, job.Spec.ExtraRefs[0].BaseRef)
        : ("", "", "");
}
