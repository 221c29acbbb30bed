namespace Prow.Grains.Reporting;

/// <summary>One of crier's reporters: which jobs it reports, and one attempt at reporting a job's current state.</summary>
public interface IJobReporter
{
    /// <summary>Its key in the record of what was reported (Prow's <c>prev_report_states</c> names).</summary>
    string Name { get; }

    bool ShouldReport(ProwJob job);

    Task<ReportOutcome> ReportAsync(ProwJob job, CancellationToken cancellationToken);
}
