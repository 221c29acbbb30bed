using Orleans;

namespace Prow.GrainInterfaces.ProwJobs;

/// <summary>
/// Crier's test report comment on one pull request (key <c>org/repo#number</c>). Reports for a pull request run one
/// at a time, as Prow's crier locks each pull request, so two jobs ending together cannot both replace one comment.
/// </summary>
public interface ITestReportCommentGrain : IGrainWithStringKey
{
    /// <summary>Brings the pull request's comment up to date with <paramref name="job"/>, which has finished.</summary>
    Task<ReportOutcome> ReportAsync(ProwJob job);
}
