namespace Prow.FakeGitHub;

public sealed record FakeCheckRun(long Id, string Name, string Status, string? Conclusion, string? DetailsUrl = null);
