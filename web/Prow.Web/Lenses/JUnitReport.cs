namespace Prow.Web.Lenses;

/// <summary>The junit lens's view: every test of the job's JUnit files, failed first, then flaky, passed and skipped; files that could not be read.</summary>
public sealed record JUnitReport(IReadOnlyList<JUnitTest> Tests, IReadOnlyList<string> Unreadable)
{
    public int Count(JUnitOutcome outcome) => Tests.Count(t => t.Outcome == outcome);
}
