namespace Prow.Clients.GitHub;

/// <summary>
/// A review to submit at once (GitHub's create-review body): on <see cref="CommitId"/>, with <see cref="Event"/>
/// COMMENT, APPROVE or REQUEST_CHANGES, and comments placed by their position in each file's diff.
/// </summary>
public sealed record DraftReview(string CommitId, string Body, string Event, IReadOnlyList<DraftReviewComment> Comments);
