namespace Prow.FakeGitHub;

public sealed record FakeComment(long Id, int IssueNumber, string Author, string Body, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? Path = null, int? Position = null);
