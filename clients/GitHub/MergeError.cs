namespace Prow.Clients.GitHub;

/// <summary>Why GitHub refused a merge; tide reacts differently to each.</summary>
public enum MergeError
{
    /// <summary>405: not mergeable (conflicts, failing required checks, missing reviews).</summary>
    NotMergeable,

    /// <summary>405 "Base branch was modified": retry after the pool resyncs.</summary>
    BaseBranchModified,

    /// <summary>409: the head moved since the SHA guard was read.</summary>
    HeadModified,

    /// <summary>422 "Merge commits are not allowed" (or squash/rebase disabled).</summary>
    MergeMethodNotAllowed,

    /// <summary>422 "not authorized to push" (protected branch restrictions).</summary>
    UnauthorizedToPush,
}
