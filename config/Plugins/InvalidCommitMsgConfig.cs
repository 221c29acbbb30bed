namespace Prow.Config.Plugins;

/// <summary>An <c>invalid_commit_msg</c> entry: which of the invalidcommitmsg checks are switched off for some repos or orgs.</summary>
public sealed record InvalidCommitMsgConfig
{
    /// <summary>The check against <c>fixup!</c>, <c>amend!</c> and <c>squash!</c> commits.</summary>
    public const string FixupPrefix = "fixupPrefix";

    /// <summary>The check against keywords that close issues, in commit messages and the title.</summary>
    public const string IssueClosingKeywords = "issueClosingKeywords";

    public IReadOnlyList<string> Repos { get; init; } = [];

    public IReadOnlyList<InvalidCommitMsgCheck> Checks { get; init; } = [];

    /// <summary>Prow's IsCheckDisabled: the first entry naming the check decides.</summary>
    public bool IsCheckDisabled(string name) => Checks.FirstOrDefault(c => c.Name == name)?.Disabled ?? false;
}
