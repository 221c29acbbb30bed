namespace Prow.FakeGitHub;

public sealed record FakeChangedFile(string Filename, int Additions = 1, int Deletions = 0, string Status = "modified", string? PreviousFilename = null, string? Patch = null);
