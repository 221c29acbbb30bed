using System.Text.RegularExpressions;

namespace Prow.Config.Jobs;

/// <summary>
/// run_if_changed (run when any changed path matches) or skip_if_only_changed (skip when every
/// changed path matches). Patterns are searched unanchored, as Go's MatchString does.
/// </summary>
public sealed class RegexpChangeMatcher
{
    private readonly Regex? _regex;

    public RegexpChangeMatcher(string? runIfChanged, string? skipIfOnlyChanged)
    {
        RunIfChanged = string.IsNullOrEmpty(runIfChanged) ? null : runIfChanged;
        SkipIfOnlyChanged = string.IsNullOrEmpty(skipIfOnlyChanged) ? null : skipIfOnlyChanged;
        var pattern = RunIfChanged ?? SkipIfOnlyChanged;
        if (pattern is not null && GoRegex.TryCompile(pattern, out var re, out _))
        {
            _regex = re;
        }
    }

    public static RegexpChangeMatcher None { get; } = new(null, null);

    public string? RunIfChanged { get; }

    public string? SkipIfOnlyChanged { get; }

    /// <summary>True when the changed files can decide whether the job runs.</summary>
    public bool CouldRun => RunIfChanged is not null || SkipIfOnlyChanged is not null;

    public bool RunsAgainstChanges(IEnumerable<string> changedFiles)
    {
        if (_regex is null)
        {
            return false;
        }

        foreach (var file in changedFiles)
        {
            var match = _regex.IsMatch(file);
            if ((RunIfChanged is not null && match) || (RunIfChanged is null && !match))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>(determined, shouldRun): determined is false when no matcher is configured.</summary>
    public (bool Determined, bool ShouldRun) ShouldRun(Func<IReadOnlyList<string>> changedFiles) =>
        CouldRun ? (true, RunsAgainstChanges(changedFiles())) : (false, false);
}
