using Prow.Config.Loading;
using Prow.Config.Yaml;

namespace Prow.Config.Owners;

/// <summary>Parses OWNERS and OWNERS_ALIASES text, reporting problems with lines like every other file.</summary>
public static class OwnersParser
{
    /// <summary>Logins are case-insensitive on GitHub; Prow lower-cases them and drops a leading "@".</summary>
    public static string NormalizeLogin(string login) =>
        login.Trim().TrimStart('@').ToLowerInvariant();

    public static OwnersAliases ParseAliases(string file, string text, ProblemSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var root = ReadRoot(file, text, sink);
        if (root is null)
        {
            return OwnersAliases.Empty;
        }

        var aliases = root.Ctx.Map(root.Get("aliases"), "aliases");
        foreach (var name in aliases?.Keys.ToList() ?? [])
        {
            result[name] = aliases!.StrList(name);
        }

        root.Finish();
        return new OwnersAliases(result);
    }

    /// <summary>Parses one OWNERS file of <paramref name="directory"/> ("" is the repository root).</summary>
    public static OwnersFile? ParseOwners(string directory, string file, string text, OwnersAliases aliases, ProblemSink sink)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        var root = ReadRoot(file, text, sink);
        if (root is null)
        {
            return null;
        }

        var options = root.Struct("options", o => (NoParent: o.Bool("no_parent_owners") ?? false, AutoApprove: o.Bool("auto_approve_unowned_subfolders") ?? false));
        var entries = new List<(System.Text.RegularExpressions.Regex?, OwnersEntry)>();
        var filters = root.Ctx.Map(root.Get("filters"), "filters");
        if (filters is not null)
        {
            foreach (var pattern in filters.Keys.ToList())
            {
                if (!GoRegex.TryCompile(pattern, out var re, out var error))
                {
                    root.Ctx.Error(filters.LineOf(pattern), $"filters.{pattern}", $"invalid regex: {error}");
                    filters.Known(pattern);
                    continue;
                }

                var entry = filters.Obj(pattern, f => ReadEntry(f, aliases));
                entries.Add((re, entry ?? new OwnersEntry()));
            }

            filters.Finish();
        }

        // Without filters the top-level people apply to every file (Prow's SimpleConfig); with
        // filters Prow reads only options and filters, so top-level people would be silently lost.
        var simple = ReadEntry(root, aliases);
        var hasPeople = simple.Approvers.Count + simple.Reviewers.Count + simple.RequiredReviewers.Count + simple.Labels.Count > 0;
        if (filters is null)
        {
            entries.Add((null, simple));
        }
        else if (hasPeople)
        {
            root.Ctx.Sink.Warning(file, root.Line, "approvers", "top-level approvers, reviewers and labels are ignored when filters are set; use a \".*\" filter");
        }

        root.Finish();
        return new OwnersFile(directory, options?.NoParent ?? false, options?.AutoApprove ?? false, entries);
    }

    private static OwnersEntry ReadEntry(MapReader m, OwnersAliases aliases) => new()
    {
        Approvers = aliases.ExpandAll(m.StrList("approvers")),
        Reviewers = aliases.ExpandAll(m.StrList("reviewers")),
        RequiredReviewers = aliases.ExpandAll(m.StrList("required_reviewers")),
        Labels = m.StrList("labels"),
        EmeritusApprovers = m.StrList("emeritus_approvers").Select(NormalizeLogin).ToList(),
    };

    private static MapReader? ReadRoot(string file, string text, ProblemSink sink)
    {
        var node = YamlFile.Parse(file, text, sink);
        var ctx = new LoadContext(file, sink);
        return ctx.Map(node, "");
    }
}
