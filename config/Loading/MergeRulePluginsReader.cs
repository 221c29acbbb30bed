using Prow.Config.Plugins;
using Prow.Config.Yaml;

namespace Prow.Config.Loading;

/// <summary>
/// The plugins.yaml sections of the plugins whose labels tide's queries exclude (dco, invalid_commit_msg, blockades,
/// require_matching_label), validated as Prow validates them when it loads the file.
/// </summary>
internal static class MergeRulePluginsReader
{
    public static IReadOnlyDictionary<string, DcoConfig> ReadDco(MapReader m) => m.ObjMap("dco", (d, _) => new DcoConfig
    {
        SkipDcoCheckForMembers = d.Bool("skip_dco_check_for_members") ?? false,
        TrustedApps = d.StrList("trusted_apps"),
        TrustedOrg = d.Str("trusted_org"),
        SkipDcoCheckForCollaborators = d.Bool("skip_dco_check_for_collaborators") ?? false,
        ContributingRepo = d.Str("contributing_repo"),
        ContributingBranch = d.Str("contributing_branch"),
        ContributingPath = d.Str("contributing_path"),
    });

    public static IReadOnlyList<InvalidCommitMsgConfig> ReadInvalidCommitMsg(MapReader m) => m.ObjList("invalid_commit_msg", i => new InvalidCommitMsgConfig
    {
        Repos = i.StrList("repos"),
        Checks = i.ObjList("checks", c => new InvalidCommitMsgCheck(c.StrOr("name", ""), c.Bool("disabled") ?? false)),
    });

    public static IReadOnlyList<BlockadeConfig> ReadBlockades(MapReader m) => m.ObjList("blockades", b =>
    {
        var blockade = new BlockadeConfig
        {
            Repos = b.StrList("repos"),
            BranchRegexp = b.Str("branchregexp"),
            BlockRegexps = b.StrList("blockregexps"),
            ExceptionRegexps = b.StrList("exceptionregexps"),
            Explanation = b.Str("explanation"),
        };

        // Prow refuses a branch regexp that does not compile, and skips (logging) a block or exception regexp that does not.
        if (blockade.BranchRegexp is { } branch && !GoRegex.TryCompile(branch, out _, out var error))
        {
            b.Ctx.Error(b.LineOf("branchregexp"), b.FieldPath("branchregexp"), $"failed to compile blockade branchregexp: \"{branch}\", error: {error}");
        }

        foreach (var (key, patterns) in new[] { ("blockregexps", blockade.BlockRegexps), ("exceptionregexps", blockade.ExceptionRegexps) })
        {
            foreach (var pattern in patterns)
            {
                if (!GoRegex.TryCompile(pattern, out _, out var patternError))
                {
                    b.Ctx.Sink.Warning(b.Ctx.File, b.LineOf(key), b.FieldPath(key), $"the blockade ignores \"{pattern}\", which does not compile: {patternError}");
                }
            }
        }

        return blockade;
    });

    public static IReadOnlyList<RequireMatchingLabelConfig> ReadRequireMatchingLabel(MapReader m) => m.ObjList("require_matching_label", r =>
    {
        var grace = r.Str("grace_period");
        var config = new RequireMatchingLabelConfig
        {
            Org = r.StrOr("org", ""),
            Repo = r.StrOr("repo", ""),
            Branch = r.StrOr("branch", ""),
            Prs = r.Bool("prs") ?? false,
            Issues = r.Bool("issues") ?? false,
            Regexp = r.StrOr("regexp", ""),
            MissingLabel = r.StrOr("missing_label", ""),
            MissingComment = r.StrOr("missing_comment", ""),
        };
        if (grace is { Length: > 0 })
        {
            if (GoDuration.TryParse(grace, out var period))
            {
                config = config with { GracePeriod = period };
            }
            else
            {
                r.Ctx.Error(r.LineOf("grace_period"), r.FieldPath("grace_period"), $"failed to compile grace period duration: \"{grace}\"");
            }
        }

        if (Problem(config) is var (key, message))
        {
            r.Ctx.Error(r.LineOf(key), r.FieldPath(key), message);
        }

        return config;
    });

    // Prow's RequireMatchingLabel.validate, in its order; the first problem is reported against the field it concerns.
    private static (string Key, string Message)? Problem(RequireMatchingLabelConfig c)
    {
        if (c.Org.Length == 0)
        {
            return ("org", "must specify 'org'");
        }

        if (c.Repo.Contains('/', StringComparison.Ordinal))
        {
            return ("repo", "'repo' may not contain '/'; specify the organization with 'org'");
        }

        if (c.Regexp.Length == 0)
        {
            return ("regexp", "must specify 'regexp'");
        }

        if (c.MissingLabel.Length == 0)
        {
            return ("missing_label", "must specify 'missing_label'");
        }

        if (!c.Prs && !c.Issues)
        {
            return ("prs", "must specify 'prs: true' and/or 'issues: true'");
        }

        if (!c.Prs && c.Branch.Length > 0)
        {
            return ("branch", "branch cannot be specified without `prs: true'");
        }

        if (!GoRegex.TryCompile(c.Regexp, out var re, out var error))
        {
            return ("regexp", $"failed to compile label regexp: \"{c.Regexp}\", error: {error}");
        }

        return re!.IsMatch(c.MissingLabel) ? ("regexp", "'regexp' must not match 'missing_label'") : null;
    }
}
