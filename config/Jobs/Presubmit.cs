using System.Text.RegularExpressions;

namespace Prow.Config.Jobs;

/// <summary>A job that runs on pull requests.</summary>
public sealed record Presubmit : JobBase
{
    // One reference so concurrent readers see the pattern and its regex together.
    private Tuple<string, Regex?>? _trigger;

    /// <summary>The org/repo the job belongs to.</summary>
    public string Repo { get; init; } = "";

    public bool AlwaysRun { get; init; }
    public bool Optional { get; init; }

    /// <summary>Comment regex; defaults to <see cref="JobDefaults.DefaultTriggerFor"/>.</summary>
    public string Trigger { get; init; } = "";

    /// <summary>Defaults to "/test &lt;name&gt;".</summary>
    public string RerunCommand { get; init; } = "";

    public bool RunBeforeMerge { get; init; }
    public Brancher Brancher { get; init; } = Brancher.All;
    public RegexpChangeMatcher ChangeMatcher { get; init; } = RegexpChangeMatcher.None;

    /// <summary>GitHub status context; defaults to the job name.</summary>
    public string Context { get; init; } = "";

    public bool SkipReport { get; init; }
    public object? JenkinsSpec { get; init; }

    public bool CouldRun(string baseBranch) => Brancher.ShouldRun(baseBranch);

    /// <summary>Prow's Presubmit.ShouldRun: branch first, then always_run, forced, change matchers, defaults.</summary>
    public bool ShouldRun(string baseBranch, Func<IReadOnlyList<string>> changedFiles, bool forced, bool defaults)
    {
        if (!CouldRun(baseBranch))
        {
            return false;
        }

        if (AlwaysRun || forced)
        {
            return true;
        }

        var (determined, shouldRun) = ChangeMatcher.ShouldRun(changedFiles);
        return (determined && shouldRun) || defaults;
    }

    public bool NeedsExplicitTrigger => !AlwaysRun && !ChangeMatcher.CouldRun;

    public bool TriggersConditionally => NeedsExplicitTrigger || ChangeMatcher.CouldRun;

    /// <summary>Required for merge: neither optional nor skipping its report.</summary>
    public bool ContextRequired => !Optional && !SkipReport;

    /// <summary>Whether the comment body triggers this job (usually "/test name").</summary>
    public bool TriggerMatches(string comment)
    {
        if (string.IsNullOrEmpty(Trigger))
        {
            return false;
        }

        var cache = _trigger;
        if (cache is null || !ReferenceEquals(cache.Item1, Trigger))
        {
            cache = Tuple.Create(Trigger, GoRegex.TryCompile(Trigger, out var re, out _) ? re : null);
            _trigger = cache;
        }

        return cache.Item2?.IsMatch(comment) ?? false;
    }
}
