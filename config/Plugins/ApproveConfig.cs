namespace Prow.Config.Plugins;

/// <summary>An <c>approve</c> entry for some orgs or repos.</summary>
public sealed record ApproveConfig
{
    public IReadOnlyList<string> Repos { get; init; } = [];
    public bool? IssueRequired { get; init; }
    public bool? RequireSelfApproval { get; init; }
    public bool? LgtmActsAsApprove { get; init; }
    public bool? IgnoreReviewState { get; init; }
    /// <summary>Whether the author's own pull request counts as approved by them without a command (Prow's default).</summary>
    public bool HasSelfApproval => RequireSelfApproval != true;

    /// <summary>Whether an approving review approves and a changes-requested review cancels (Prow's default).</summary>
    public bool ConsiderReviewState => IgnoreReviewState != true;

    public string CommandHelpLink { get; init; } = "https://go.k8s.io/bot-commands";
    public string PrProcessLink { get; init; } = "";
}
