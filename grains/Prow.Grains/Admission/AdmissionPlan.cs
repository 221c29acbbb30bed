namespace Prow.Grains.Admission;

/// <param name="Admit">The waiting jobs to admit now, oldest first.</param>
/// <param name="WaitReasons">Why each job left waiting waits, by job id.</param>
public sealed record AdmissionPlan(IReadOnlyList<JobAdmissionRequest> Admit, IReadOnlyDictionary<string, string> WaitReasons);
