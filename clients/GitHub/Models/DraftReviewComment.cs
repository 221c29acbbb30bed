namespace Prow.Clients.GitHub;

/// <summary>A comment of a <see cref="DraftReview"/>: on <see cref="Path"/>, at <see cref="Position"/> lines into its diff.</summary>
public sealed record DraftReviewComment(string Path, int Position, string Body);
