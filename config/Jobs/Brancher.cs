using System.Text.RegularExpressions;

namespace Prow.Config.Jobs;

/// <summary>
/// Which branches a job runs against. Like Prow's setBrancherRegexes, each list is joined with "|"
/// and searched unanchored (a pattern "main" also matches "main-v2"; write "^main$" for exact);
/// skip_branches wins over branches, and empty lists mean every branch.
/// </summary>
public sealed class Brancher
{
    private readonly Regex? _branches;
    private readonly Regex? _skip;

    public Brancher(IReadOnlyList<string> branches, IReadOnlyList<string> skipBranches)
    {
        Branches = branches;
        SkipBranches = skipBranches;
        _branches = branches.Count > 0 ? TryJoin(branches) : null;
        _skip = skipBranches.Count > 0 ? TryJoin(skipBranches) : null;
    }

    public static Brancher All { get; } = new([], []);

    public IReadOnlyList<string> Branches { get; }

    public IReadOnlyList<string> SkipBranches { get; }

    public bool RunsAgainstAllBranches => Branches.Count == 0 && SkipBranches.Count == 0;

    public bool ShouldRun(string branch)
    {
        if (RunsAgainstAllBranches)
        {
            return true;
        }

        if (SkipBranches.Count > 0 && Matches(SkipBranches, _skip, branch))
        {
            return false;
        }

        return Branches.Count == 0 || Matches(Branches, _branches, branch);
    }

    /// <summary>Whether both branchers could run for one branch (Prow's Brancher.Intersects, used for duplicates).</summary>
    public bool Intersects(Brancher other)
    {
        if (RunsAgainstAllBranches || other.RunsAgainstAllBranches)
        {
            return true;
        }

        if (Branches.Count > 0)
        {
            return other.Branches.Count > 0
                ? Branches.Intersect(other.Branches, StringComparer.Ordinal).Any()
                : Branches.Any(other.ShouldRun);
        }

        return other.Branches.Count == 0 || other.Intersects(this);
    }

    /// <summary>The joined pattern, or null with an error message if it does not compile.</summary>
    public static string? Validate(IReadOnlyList<string> patterns) =>
        patterns.Count == 0 || GoRegex.TryCompile(string.Join('|', patterns), out _, out var error) ? null : error;

    // An exact name always matches, even when it is not a valid regex on its own.
    private static bool Matches(IReadOnlyList<string> patterns, Regex? regex, string branch) =>
        patterns.Contains(branch, StringComparer.Ordinal) || (regex?.IsMatch(branch) ?? false);

    private static Regex? TryJoin(IReadOnlyList<string> patterns) =>
        GoRegex.TryCompile(string.Join('|', patterns), out var re, out _) ? re : null;
}
