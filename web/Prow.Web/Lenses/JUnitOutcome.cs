namespace Prow.Web.Lenses;

/// <summary>How a test ended, as Prow's junit lens classifies it across its reruns within one file.</summary>
public enum JUnitOutcome
{
    Failed,
    Flaky,
    Passed,
    Skipped,
}
