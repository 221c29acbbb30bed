using Prow.Config;
using Prow.Config.Owners;

namespace Prow.Grains.Plugins.VerifyOwners;

/// <summary>What verify-owners finds wrong in one OWNERS file, with the patch position its review comment goes on.</summary>
public static class OwnersCheck
{
    /// <param name="path">The file's path in the repository ("OWNERS" is the root's).</param>
    /// <returns>The problem (null when none) and the reviewers and approvers it lists, as written (aliases unexpanded).</returns>
    public static ((int Position, string Message)? Problem, IReadOnlyList<string> People) Check(string path, string text, string? patch, IReadOnlyList<string> deniedLabels)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(deniedLabels);
        var directory = path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : "";
        var sink = new ProblemSink(strict: false);
        var file = OwnersParser.ParseOwners(directory, path, text, OwnersAliases.Empty, sink);
        if (file is null || sink.HasErrors)
        {
            var error = sink.Problems.FirstOrDefault(p => p.Severity == ProblemSeverity.Error);
            var position = error is not null && PatchPositions.AddedLines(patch).TryGetValue(error.Line, out var at) ? at : 1;
            return ((position, $"Cannot parse file: {(error is null ? "not a YAML mapping" : $"line {error.Line}: {error.Message}")}."), []);
        }

        var entries = file.Entries.Select(e => e.Entry).ToList();
        var labels = entries.SelectMany(e => e.Labels).ToHashSet(StringComparer.Ordinal);
        var banned = deniedLabels.Where(labels.Contains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (banned.Count > 0)
        {
            return ((1, $"File contains banned labels: [{string.Join(' ', banned)}]."), []);
        }

        var approvers = entries.SelectMany(e => e.Approvers).ToList();
        if (directory.Length == 0 && approvers.Count == 0)
        {
            return ((1, "No approvers defined in this root directory OWNERS file."), []);
        }

        return (null, [.. entries.SelectMany(e => e.Reviewers).Concat(approvers).Distinct(StringComparer.OrdinalIgnoreCase)]);
    }
}
