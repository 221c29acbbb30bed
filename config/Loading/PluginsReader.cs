using System.Text.RegularExpressions;
using Prow.Config.Plugins;
using Prow.Config.Yaml;
using YamlDotNet.RepresentationModel;

namespace Prow.Config.Loading;

/// <summary>Reads plugins.yaml; sections not modelled are kept raw, never fatal.</summary>
internal static class PluginsReader
{
    private static readonly string[] s_rawSections =
    [
        "bugzilla",
        "jira", "project_config", "project_manager",
        "rifle", "milestone",
    ];

    public static PluginsConfig Read(MapReader m)
    {
        var config = new PluginsConfig
        {
            Plugins = ReadPlugins(m),
            ExternalPlugins = ReadExternal(m),
            Approve = m.ObjList("approve", a => new ApproveConfig
            {
                Repos = a.StrList("repos"),
                IssueRequired = a.Bool("issue_required"),
                // implicit_self_approve and review_acts_as_approve are the older, inverted names Prow still reads.
                RequireSelfApproval = a.Bool("require_self_approval") ?? !a.Bool("implicit_self_approve"),
                LgtmActsAsApprove = a.Bool("lgtm_acts_as_approve"),
                IgnoreReviewState = a.Bool("ignore_review_state") ?? !a.Bool("review_acts_as_approve"),
                CommandHelpLink = a.Str("commandHelpLink") is { Length: > 0 } help ? help : ApproveConfig.DefaultCommandHelpLink,
                PrProcessLink = a.Str("pr_process_link") is { Length: > 0 } process ? process : ApproveConfig.DefaultPrProcessLink,
            }),
            Lgtm = m.ObjList("lgtm", l => new LgtmConfig
            {
                Repos = l.StrList("repos"),
                ReviewActsAsLgtm = l.Bool("review_acts_as_lgtm") ?? false,
                StoreTreeHash = l.Bool("store_tree_hash") ?? false,
                TrustedTeamForStickyLgtm = l.Str("trusted_team_for_sticky_lgtm") ?? l.Str("sticky_lgtm_team"),
            }),
            Triggers = m.ObjList("triggers", t => new TriggerConfig
            {
                Repos = t.StrList("repos"),
                TrustedApps = t.StrList("trusted_apps"),
                TrustedOrg = t.Str("trusted_org"),
                JoinOrgUrl = t.Str("join_org_url"),
                OnlyOrgMembers = t.Bool("only_org_members") ?? false,
                IgnoreOkToTest = t.Bool("ignore_ok_to_test") ?? false,
                ElideSkippedContexts = t.Bool("elide_skipped_contexts") ?? false,
                TriggerGitHubWorkflows = t.Bool("trigger_github_workflows") ?? false,
                OrgInvite = t.Raw("org_invite") as Dictionary<string, object?>,
            }),
            Welcome = m.ObjList("welcome", w => new WelcomeConfig(w.StrList("repos"), GoTemplateField.Read(w, "message_template", "welcome"), w.Bool("always_post") ?? false)),
            Label = m.Obj("label", ReadLabel) ?? new LabelConfig(),
            Size = m.Obj("size", s => new SizeConfig(s.Int("s") ?? 10, s.Int("m") ?? 30, s.Int("l") ?? 100, s.Int("xl") ?? 500, s.Int("xxl") ?? 1000)) ?? new SizeConfig(),
            Cat = m.Obj("cat", c => new CatConfig(c.Str("key_path"))) ?? new CatConfig(null),
            Goose = m.Obj("goose", g => new GooseConfig(g.Str("key_path"))) ?? new GooseConfig(null),
            Heart = m.Obj("heart", ReadHeart) ?? new HeartConfig(),
            Golint = m.Obj("golint", ReadGolint) ?? new GolintConfig(null),
            ConfigUpdater = m.Obj("config_updater", ReadConfigUpdater) ?? new ConfigUpdaterConfig(),
            Blunderbuss = m.Obj("blunderbuss", b => new BlunderbussConfig
            {
                MaxRequestCount = b.Int("max_request_count"),
                RequestCount = b.Int("request_count") ?? 2,
                ExcludeApprovers = b.Bool("exclude_approvers") ?? false,
                UseStatusAvailability = b.Bool("use_status_availability") ?? false,
                IgnoreDrafts = b.Bool("ignore_drafts") ?? false,
                IgnoreAuthors = b.StrList("ignore_authors"),
                WaitForStatus = b.Raw("wait_for_status"),
            }) ?? new BlunderbussConfig(),
            Owners = m.Obj("owners", o => new OwnersPluginConfig
            {
                MdYamlRepos = o.StrList("mdyamlrepos"),
                SkipCollaborators = o.StrList("skip_collaborators"),
                LabelsDenylist = o.Has("labels_denylist") ? o.StrList("labels_denylist") : ["approved", "lgtm"],
                // An empty name falls back to the default one: Prow would look for a file named "" and find none.
                Filenames = o.ObjMap("filenames", (f, _) => new OwnersFilenames(
                    f.Str("owners") is { Length: > 0 } owners ? owners : OwnersFilenames.DefaultOwners,
                    f.Str("owners_aliases") is { Length: > 0 } aliases ? aliases : OwnersFilenames.DefaultOwnersAliases)),
            }) ?? new OwnersPluginConfig(),
            Help = m.Obj("help", h => new HelpConfig(
                h.Str("help_guidelines_url") ?? "https://git.k8s.io/community/contributors/guide/help-wanted.md",
                h.Str("help_guidelines_summary"))) ?? new HelpConfig(),
            Override = m.Obj("override", o => new OverrideConfig
            {
                AllowTopLevelOwners = o.Bool("allow_top_level_owners") ?? false,
                AllowedGitHubTeams = ReadListMap(o, "allowed_github_teams"),
            }) ?? new OverrideConfig(),
            Retitle = m.Obj("retitle", r => new RetitleConfig(r.Bool("allow_closed_issues") ?? false)) ?? new RetitleConfig(false),
            Slack = m.Obj("slack", ReadSlack) ?? new SlackPluginConfig(),
            CherryPickApproved = m.ObjList("cherry_pick_approved", c => new CherryPickApprovedConfig
            {
                Org = c.StrOr("org", ""),
                Repo = c.StrOr("repo", ""),
                BranchRegexp = c.Str("branchregexp") is { Length: > 0 } pattern ? pattern : CherryPickApprovedConfig.DefaultBranchRegexp,
                BranchRe = BranchRegexp(c, CherryPickApprovedConfig.DefaultBranchRegexp),
                Approvers = c.StrList("approvers"),
                AllowMissingApprovedLabel = c.Bool("allow_missing_approved_label") ?? false,
                AllowMissingLgtmLabel = c.Bool("allow_missing_lgtm_label") ?? false,
            }),
            CherryPickUnapproved = m.Obj("cherry_pick_unapproved", c => new CherryPickUnapprovedConfig
            {
                BranchRegexp = c.Str("branchregexp") is { Length: > 0 } pattern ? pattern : CherryPickUnapprovedConfig.DefaultBranchRegexp,
                BranchRe = BranchRegexp(c, CherryPickUnapprovedConfig.DefaultBranchRegexp),
                Comment = c.Str("comment") is { Length: > 0 } comment ? comment : CherryPickUnapprovedConfig.DefaultComment,
            }) ?? new CherryPickUnapprovedConfig(),
            Dco = MergeRulePluginsReader.ReadDco(m),
            InvalidCommitMsg = MergeRulePluginsReader.ReadInvalidCommitMsg(m),
            Blockades = MergeRulePluginsReader.ReadBlockades(m),
            RequireMatchingLabel = MergeRulePluginsReader.ReadRequireMatchingLabel(m),
            RepoMilestone = MilestonePluginsReader.ReadRepoMilestone(m),
            MilestoneApplier = MilestonePluginsReader.ReadMilestoneApplier(m),
            BranchCleaner = MilestonePluginsReader.ReadBranchCleaner(m),
            SigMention = MilestonePluginsReader.ReadSigMention(m),
            ReleaseNote = m.Obj("release_note", r => new ReleaseNoteConfig(r.Str("guidelines_url") is { Length: > 0 } url ? url : ReleaseNoteConfig.DefaultGuidelinesUrl)) ?? new ReleaseNoteConfig(),
        };

        // Prow has many more plugin sections; keep them all as data, and warn only about names Prow does not know.
        return config with { Extra = m.KnownRest(s_rawSections) };
    }

    private static GolintConfig ReadGolint(MapReader m)
    {
        if (m.Str("minimum_confidence") is not { } text)
        {
            return new GolintConfig(null);
        }

        if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var confidence))
        {
            m.Ctx.Error(m.LineOf("minimum_confidence"), m.FieldPath("minimum_confidence"), $"expected a number, got {text}");
            return new GolintConfig(null);
        }

        return new GolintConfig(confidence);
    }

    // Prow compiles commentregexp at load and refuses the configuration when it does not compile.
    private static HeartConfig ReadHeart(MapReader m)
    {
        var pattern = m.Str("commentregexp") ?? "";
        if (!GoRegex.TryCompile(pattern, out var re, out var error))
        {
            m.Ctx.Error(m.LineOf("commentregexp"), m.FieldPath("commentregexp"), $"invalid regex: {error}");
        }

        return new HeartConfig { Adorees = m.StrList("adorees"), CommentRegexp = pattern, CommentRe = re };
    }

    // Prow refuses a plugins.yaml whose branchregexp does not compile (compileRegexpsAndDurations).
    private static Regex? BranchRegexp(MapReader m, string fallback)
    {
        var pattern = m.Str("branchregexp") is { Length: > 0 } given ? given : fallback;
        if (GoRegex.TryCompile(pattern, out var re, out var error))
        {
            return re;
        }

        m.Ctx.Error(m.LineOf("branchregexp"), m.FieldPath("branchregexp"), $"invalid regex: {error}");
        return null;
    }

    private static Dictionary<string, OrgPlugins> ReadPlugins(MapReader m)
    {
        var result = new Dictionary<string, OrgPlugins>(StringComparer.Ordinal);
        var pm = m.Ctx.Map(m.Get("plugins"), "plugins");
        foreach (var key in pm?.Keys.ToList() ?? [])
        {
            var node = pm!.Get(key);
            var line = pm.LineOf(key);

            // The older form is a plain list: "org: [trigger, lgtm]".
            var list = node is YamlSequenceNode ? node : (node as YamlMappingNode)?.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: "plugins" }).Value;
            var entry = node is YamlSequenceNode
                ? new OrgPlugins(pm.StrList(key), [], line)
                : pm.Obj(key, o => new OrgPlugins(o.StrList("plugins"), o.StrList("excluded_repos"), line));
            if (entry is null)
            {
                continue;
            }

            entry = entry with { PluginLines = list is YamlSequenceNode items ? [.. items.Children.Select(YamlValues.Line)] : [] };
            for (var i = 0; i < entry.Plugins.Count; i++)
            {
                // Prow's hook refuses a configuration naming a plugin it does not register (ValidatePluginsUnknown).
                if (!KnownPlugins.Names.Contains(entry.Plugins[i]))
                {
                    m.Ctx.Error(entry.LineOf(i), $"plugins.{key}", $"unknown plugin: {entry.Plugins[i]}");
                }
            }

            if (key.Contains('/') && entry.ExcludedRepos.Count > 0)
            {
                m.Ctx.Error(line, $"plugins.{key}.excluded_repos", "excluded_repos can only be set for an org");
            }

            result[key] = entry;
        }

        pm?.Finish();
        CheckDuplicates(m, result);
        return result;
    }

    // Prow rejects a plugin enabled both for an org and for one of its repos (validatePluginsDupes).
    private static void CheckDuplicates(MapReader m, Dictionary<string, OrgPlugins> plugins)
    {
        foreach (var (key, entry) in plugins.Where(p => p.Key.Contains('/')))
        {
            var parts = key.Split('/', 2);
            if (!plugins.TryGetValue(parts[0], out var org) || org.ExcludedRepos.Contains(parts[1], StringComparer.Ordinal))
            {
                continue;
            }

            var dupes = entry.Plugins.Intersect(org.Plugins, StringComparer.Ordinal).ToList();
            if (dupes.Count > 0)
            {
                m.Ctx.Error(entry.Line, $"plugins.{key}", $"plugins [{string.Join(" ", dupes)}] are duplicated for {parts[0]} and {key}");
            }
        }
    }

    private static Dictionary<string, IReadOnlyList<ExternalPlugin>> ReadExternal(MapReader m)
    {
        var result = new Dictionary<string, IReadOnlyList<ExternalPlugin>>(StringComparer.Ordinal);
        var em = m.Ctx.Map(m.Get("external_plugins"), "external_plugins");
        foreach (var key in em?.Keys.ToList() ?? [])
        {
            result[key] = em!.ObjList(key, e =>
            {
                var name = e.StrOr("name", "");
                return new ExternalPlugin(name, e.Str("endpoint") ?? $"http://{name}", e.StrList("events")) { Line = e.Line };
            });
        }

        em?.Finish();
        return result;
    }

    private static LabelConfig ReadLabel(MapReader m) => new()
    {
        AdditionalLabels = m.StrList("additional_labels"),
        RestrictedLabels = ReadRestricted(m),
    };

    private static Dictionary<string, IReadOnlyList<RestrictedLabel>> ReadRestricted(MapReader m)
    {
        var result = new Dictionary<string, IReadOnlyList<RestrictedLabel>>(StringComparer.Ordinal);
        var rm = m.Ctx.Map(m.Get("restricted_labels"), m.FieldPath("restricted_labels"));
        foreach (var key in rm?.Keys.ToList() ?? [])
        {
            result[key] = rm!.ObjList(key, r => new RestrictedLabel(r.StrOr("label", ""), r.StrList("allowed_teams"), r.StrList("allowed_users"), r.ObjList("assign_on", a => a.StrOr("label", ""))));
        }

        rm?.Finish();
        return result;
    }

    // Prow still reads the older names whitelist and branch_whitelist.
    private static SlackPluginConfig ReadSlack(MapReader m) => new()
    {
        MentionChannels = m.StrList("mentionchannels"),
        MergeWarnings = m.ObjList("mergewarnings", w => new SlackMergeWarning(
            w.StrList("repos"),
            w.StrList("channels"),
            w.Has("exempt_users") ? w.StrList("exempt_users") : w.StrList("whitelist"),
            ReadListMap(w, w.Has("exempt_branches") ? "exempt_branches" : "branch_whitelist"))),
        IncomingWebhookUrlFile = m.Str("incoming_webhook_url_file"),
    };

    private static ConfigUpdaterConfig ReadConfigUpdater(MapReader m)
    {
        var maps = m.ObjMap("maps", (c, _) => new ConfigMapSpec(
            c.StrOr("name", ""), c.Str("key"),
            c.Has("namespaces") ? c.StrList("namespaces") : c.Str("namespace") is { } ns ? [ns] : [],
            ReadListMap(c, "clusters"), c.Bool("gzip"))
        {
            Extra = ReadKnown(c, "allowed_repos", "denied_repos", "cluster_groups", "partitioned_names", "use_full_path_as_key"),
        });
        return new ConfigUpdaterConfig
        {
            Maps = maps.Count > 0 ? maps : ConfigUpdaterConfig.DefaultMaps,
            Gzip = m.Bool("gzip") ?? false,
            ClusterGroups = m.Raw("cluster_groups") as Dictionary<string, object?> ?? [],
        };
    }

    private static Dictionary<string, object?> ReadKnown(MapReader m, params string[] keys) =>
        keys.Where(m.Has).ToDictionary(k => k, m.Raw, StringComparer.Ordinal);

    private static Dictionary<string, IReadOnlyList<string>> ReadListMap(MapReader m, string key)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var lm = m.Ctx.Map(m.Get(key), m.FieldPath(key));
        foreach (var k in lm?.Keys.ToList() ?? [])
        {
            result[k] = lm!.StrList(k);
        }

        return result;
    }
}
