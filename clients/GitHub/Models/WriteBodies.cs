namespace Prow.Clients.GitHub;

// Small request bodies, kept together because each is one line of wire shape.
internal sealed record CommentBody(string Body);

internal sealed record LabelsBody(IReadOnlyList<string> Labels);

internal sealed record AssigneesBody(IReadOnlyList<string> Assignees);

internal sealed record ReviewersBody(IReadOnlyList<string> Reviewers, IReadOnlyList<string> TeamReviewers);

internal sealed record IssuePatchBody(string? State = null, string? Title = null);
