using System.Text.RegularExpressions;

namespace Prow.Config.Plugins;

/// <summary><c>sigmention</c>: the regexp that finds team mentions; group 1 names the SIG, group 2 the team's suffix.</summary>
public sealed record SigMentionConfig
{
    public const string DefaultRegexp = @"(?m)@kubernetes/sig-([\w-]*)-(misc|test-failures|bugs|feature-requests|proposals|pr-reviews|api-reviews)";

    public string Regexp { get; init; } = DefaultRegexp;

    /// <summary>The compiled <see cref="Regexp"/>; null only when it did not compile, which the load reports.</summary>
    public Regex? Re { get; init; } = GoRegex.TryCompile(DefaultRegexp, out var re, out _) ? re : null;
}
