namespace Prow.Config.Jobs;

/// <summary>A job that runs on pushes to a branch.</summary>
public sealed record Postsubmit : JobBase
{
    public string Repo { get; init; } = "";

    /// <summary>As written; unset means "run" (Prow treats a missing always_run as true for postsubmits).</summary>
    public bool? AlwaysRun { get; init; }

    public Brancher Brancher { get; init; } = Brancher.All;
    public RegexpChangeMatcher ChangeMatcher { get; init; } = RegexpChangeMatcher.None;
    public string Context { get; init; } = "";
    public bool SkipReport { get; init; }
    public object? JenkinsSpec { get; init; }

    public bool CouldRun(string baseBranch) => Brancher.ShouldRun(baseBranch);

    public bool ShouldRun(string baseBranch, Func<IReadOnlyList<string>> changedFiles)
    {
        if (!CouldRun(baseBranch))
        {
            return false;
        }

        var (determined, shouldRun) = ChangeMatcher.ShouldRun(changedFiles);
        return determined ? shouldRun : AlwaysRun ?? true;
    }
}
