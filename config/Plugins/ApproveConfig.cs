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

    public const string DefaultCommandHelpLink = "https://go.k8s.io/bot-commands";
    public const string DefaultPrProcessLink = "https://git.k8s.io/community/contributors/guide/owners.md#the-code-review-process";

    public string CommandHelpLink { get; init; } = DefaultCommandHelpLink;
    public string PrProcessLink { get; init; } = DefaultPrProcessLink;
}
