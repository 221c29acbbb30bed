using System.Text.RegularExpressions;

namespace Prow.Config.Plugins;

/// <summary><c>cherry_pick_unapproved</c>: which base branches make a pull request a cherry-pick, and what the bot says on one.</summary>
public sealed record CherryPickUnapprovedConfig
{
    public const string DefaultBranchRegexp = "^release-.*$";

    /// <summary>Prow's default comment, word for word (two spaces before "label" included): tests and people search for it.</summary>
    public const string DefaultComment = "This PR is not for the master branch but does not have the `cherry-pick-approved`  label. Adding the `do-not-merge/cherry-pick-not-approved`  label.";

    public string BranchRegexp { get; init; } = DefaultBranchRegexp;

    /// <summary>The compiled <see cref="BranchRegexp"/>; null only when it did not compile (a load error says so).</summary>
    public Regex? BranchRe { get; init; } = GoRegex.TryCompile(DefaultBranchRegexp, out var re, out _) ? re : null;
    public string Comment { get; init; } = DefaultComment;
}
