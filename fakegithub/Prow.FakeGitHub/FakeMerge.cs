namespace Prow.FakeGitHub;

/// <summary>A merge the fake performed, with what the client asked for.</summary>
public sealed record FakeMerge(int Number, string Method, string? CommitTitle, string? CommitMessage, string? ShaGuard, string MergeSha);
