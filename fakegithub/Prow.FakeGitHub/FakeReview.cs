namespace Prow.FakeGitHub;

public sealed record FakeReview(long Id, string Author, string State, string Body, string CommitId, DateTimeOffset? SubmittedAt = null);
