namespace Prow.FakeGitHub;

public sealed record FakeStatus(long Id, string State, string Context, string? Description, string? TargetUrl, string Creator, DateTimeOffset CreatedAt);
