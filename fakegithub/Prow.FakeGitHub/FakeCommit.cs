namespace Prow.FakeGitHub;

/// <summary>A commit of a fake pull request; <paramref name="Parents"/> above one is a merge commit.</summary>
public sealed record FakeCommit(string Sha, string Message, string? AuthorLogin = null, int Parents = 1);
