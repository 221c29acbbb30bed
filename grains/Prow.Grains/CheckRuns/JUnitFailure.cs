namespace Prow.Grains.CheckRuns;

/// <summary>One failed test case of a JUnit report, with the file and line when the report gives them.</summary>
/// <param name="Report">The report's path under the build's artifacts, e.g. <c>artifacts/junit_unit.xml</c>.</param>
public sealed record JUnitFailure(string Report, string Test, string Message, string? Details, string? File, int? Line);
