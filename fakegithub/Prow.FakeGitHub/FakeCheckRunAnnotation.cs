namespace Prow.FakeGitHub;

/// <summary>One annotation of a check run's output, as GitHub takes it.</summary>
public sealed record FakeCheckRunAnnotation(string Path, int StartLine, int EndLine, string Level, string Message, string? Title, string? RawDetails);
