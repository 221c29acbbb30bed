namespace Prow.Grains.Plugins.Approve;

/// <summary>One person's approval: how it was given (see <see cref="Approvals"/>), a link to it, and whether it waives the linked-issue rule.</summary>
public sealed record Approval(string Login, string How, string Reference, bool NoIssue);
