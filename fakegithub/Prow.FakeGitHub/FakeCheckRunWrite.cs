namespace Prow.FakeGitHub;

/// <summary>One create (POST) or update (PATCH) of a check run, in the order they came, for tests to read back.</summary>
public sealed record FakeCheckRunWrite(long CheckRunId, string Method, string Status, string? Conclusion, string? Title, int Annotations);
