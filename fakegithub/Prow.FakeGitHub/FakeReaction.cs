namespace Prow.FakeGitHub;

/// <summary>
/// A reaction someone left: on an issue or pull request (<see cref="CommentId"/> null, <see cref="IssueNumber"/> set)
/// or on an issue comment (<see cref="CommentId"/> set).
/// </summary>
public sealed record FakeReaction(long Id, int? IssueNumber, long? CommentId, string User, string Content);
