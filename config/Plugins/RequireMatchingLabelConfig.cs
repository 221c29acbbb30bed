namespace Prow.Config.Plugins;

/// <summary>A <c>require_matching_label</c> entry: the label to put on issues or pull requests that have none matching a regexp.</summary>
public sealed record RequireMatchingLabelConfig
{
    /// <summary>Prow waits this long after an open or reopen when grace_period is not set.</summary>
    public static readonly TimeSpan DefaultGracePeriod = TimeSpan.FromSeconds(5);

    public string Org { get; init; } = "";

    /// <summary>Every repository of the org when empty.</summary>
    public string Repo { get; init; } = "";

    /// <summary>The base branch of the pull requests it applies to; every branch when empty.</summary>
    public string Branch { get; init; } = "";

    public bool Prs { get; init; }

    public bool Issues { get; init; }

    public string Regexp { get; init; } = "";

    public string MissingLabel { get; init; } = "";

    /// <summary>Said when the missing label is put on; nothing is said when empty.</summary>
    public string MissingComment { get; init; } = "";

    public TimeSpan GracePeriod { get; init; } = DefaultGracePeriod;

    /// <summary>What the entry does, in words (for /plugin-help.js).</summary>
    public string Describe()
    {
        var what = (Issues, Prs) switch
        {
            (true, true) => "issues and " + BranchPrs(),
            (true, false) => "issues",
            _ => BranchPrs(),
        };
        var where = Repo.Length == 0 ? $"any repository of {Org}" : $"{Org}/{Repo}";
        return $"{what} in {where} with no label matching {Regexp} get {MissingLabel}{(MissingComment.Length > 0 ? " and a comment" : "")}.";

        string BranchPrs() => Branch.Length == 0 ? "pull requests" : $"pull requests into {Branch}";
    }
}
