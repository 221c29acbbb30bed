namespace Prow.Grains.Plugins.Approve;

/// <summary>A comment or review on a pull request, as far as approving goes.</summary>
/// <param name="ReviewState">APPROVED, CHANGES_REQUESTED, DISMISSED...; null for a plain comment.</param>
public sealed record ApprovalEvent(string Author, string Body, DateTimeOffset At, string Url, string? ReviewState = null);
