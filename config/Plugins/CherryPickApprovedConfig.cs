using System.Text.RegularExpressions;

namespace Prow.Config.Plugins;

/// <summary>
/// A <c>cherry_pick_approved</c> entry: on <see cref="Org"/>/<see cref="Repo"/>, pull requests into branches matching
/// <see cref="BranchRegexp"/> are cherry-picks, and an approving review by one of <see cref="Approvers"/> approves them.
/// </summary>
public sealed record CherryPickApprovedConfig
{
    public const string DefaultBranchRegexp = "^release-.*$";

    public string Org { get; init; } = "";
    public string Repo { get; init; } = "";
    public string BranchRegexp { get; init; } = DefaultBranchRegexp;

    /// <summary>The compiled <see cref="BranchRegexp"/>; null only when it did not compile (a load error says so).</summary>
    public Regex? BranchRe { get; init; }
    public IReadOnlyList<string> Approvers { get; init; } = [];
    public bool AllowMissingApprovedLabel { get; init; }
    public bool AllowMissingLgtmLabel { get; init; }
}
