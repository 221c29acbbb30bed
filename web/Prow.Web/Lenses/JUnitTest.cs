namespace Prow.Web.Lenses;

/// <summary>One test (suite, class and name) with its runs' outcome, failure message and output, and the file it came from.</summary>
public sealed record JUnitTest(string File, string Suite, string ClassName, string Name, double Seconds, JUnitOutcome Outcome, string? Message, string? Output);
