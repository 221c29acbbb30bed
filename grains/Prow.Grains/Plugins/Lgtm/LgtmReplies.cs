using System.Text.RegularExpressions;

namespace Prow.Grains.Plugins.Lgtm;

/// <summary>
/// What the lgtm plugin says. The refusals and the two notes keep Prow's wording: people search for them, and the
/// tree-hash note is read back on the next push (by this plugin, and by a Prow running on the same repository).
/// </summary>
internal static partial class LgtmReplies
{
    public const string OwnPullRequest = "you cannot LGTM your own PR.";
    public const string NotCollaborator = "changing LGTM is restricted to collaborators";
    public const string NotInOwners = "adding LGTM is restricted to approvers and reviewers in OWNERS files.";
    public const string RemovedOnPush = "New changes are detected. LGTM label has been removed.";

    [GeneratedRegex(@"LGTM label has been added\.\s*<details>Git tree hash: (\w+)</details>")]
    private static partial Regex TreeHash();

    public static string Added(string treeSha) => $"LGTM label has been added.  <details>Git tree hash: {treeSha}</details>";

    /// <summary>The tree SHA an <see cref="Added"/> note records, or null when the text is not such a note.</summary>
    public static string? TreeHashIn(string body) => TreeHash().Match(body) is { Success: true } m ? m.Groups[1].Value : null;

    public static string To(string login, string message) => $"@{login}: {message}";
}
