namespace Prow.Grains.Plugins.CherryPickApproved;

/// <summary>The labels that say whether a cherry-pick into a release branch may merge (tide's queries exclude the second).</summary>
public static class CherryPickLabels
{
    public const string Approved = "cherry-pick-approved";
    public const string NotApproved = "do-not-merge/cherry-pick-not-approved";
}
