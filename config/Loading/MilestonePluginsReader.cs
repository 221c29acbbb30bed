using Prow.Config.Plugins;
using Prow.Config.Yaml;

namespace Prow.Config.Loading;

/// <summary>Reads the plugins.yaml sections of the milestone, branchcleaner and sigmention plugins.</summary>
internal static class MilestonePluginsReader
{
    public static IReadOnlyDictionary<string, RepoMilestoneConfig> ReadRepoMilestone(MapReader m) =>
        m.ObjMap("repo_milestone", (entry, _) =>
        {
            var id = entry.Int("maintainers_id") ?? 0;
            var team = entry.Str("maintainers_team") ?? "";
            if (id == 0 && team.Length == 0)
            {
                entry.Ctx.Warning(entry.Node, entry.Path, "names no team (maintainers_team or maintainers_id): nobody may use /milestone or /status there");
            }
            else if (id != 0 && team.Length == 0)
            {
                entry.Ctx.Warning(entry.Node, entry.FieldPath("maintainers_id"), "is deprecated: name the team by its slug in maintainers_team");
            }

            return new RepoMilestoneConfig
            {
                MaintainersId = id,
                MaintainersTeam = team,
                MaintainersFriendlyName = entry.Str("maintainers_friendly_name") is { Length: > 0 } name ? name : RepoMilestoneConfig.DefaultFriendlyName,
            };
        });

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ReadMilestoneApplier(MapReader m)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var repos = m.Ctx.Map(m.Get("milestone_applier"), "milestone_applier");
        foreach (var repo in repos?.Keys.ToList() ?? [])
        {
            result[repo] = repos!.StrMap(repo);
        }

        repos?.Finish();
        return result;
    }

    public static BranchCleanerConfig ReadBranchCleaner(MapReader m) =>
        m.Obj("branch_cleaner", b =>
        {
            var preserved = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            var map = b.Ctx.Map(b.Get("preserved_branches"), b.FieldPath("preserved_branches"));
            foreach (var key in map?.Keys.ToList() ?? [])
            {
                preserved[key] = map!.StrList(key);
            }

            map?.Finish();
            return new BranchCleanerConfig { PreservedBranches = preserved };
        }) ?? new BranchCleanerConfig();

    // Prow refuses a plugins.yaml whose sigmention.regexp does not compile (compileRegexpsAndDurations).
    public static SigMentionConfig ReadSigMention(MapReader m) =>
        m.Obj("sigmention", s =>
        {
            var pattern = s.Str("regexp") is { Length: > 0 } given ? given : SigMentionConfig.DefaultRegexp;
            if (!GoRegex.TryCompile(pattern, out var re, out var error))
            {
                s.Ctx.Error(s.LineOf("regexp"), s.FieldPath("regexp"), $"invalid regex: {error}");
            }

            return new SigMentionConfig { Regexp = pattern, Re = re };
        }) ?? new SigMentionConfig();
}
