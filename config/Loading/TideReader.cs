using Prow.Config.Components;
using Prow.Config.Yaml;
using YamlDotNet.RepresentationModel;

namespace Prow.Config.Loading;

/// <summary>Reads the <c>tide</c> section and validates merge methods and queries as Prow does.</summary>
internal static class TideReader
{
    private static readonly string[] s_methods = ["merge", "squash", "rebase"];

    public static TideConfig Read(MapReader m)
    {
        var sync = m.Duration("sync_period") ?? TimeSpan.FromMinutes(1);
        var (methods, branchMethods) = ReadMergeMethods(m);
        var prStatus = new Dictionary<string, string>(m.StrMap("pr_status_base_urls"), StringComparer.Ordinal);
        if (m.Str("pr_status_base_url") is { } single)
        {
            prStatus.TryAdd("*", single);
        }

        var targets = new Dictionary<string, string>(m.StrMap("target_urls"), StringComparer.Ordinal);
        if (m.Str("target_url") is { } target)
        {
            targets.TryAdd("*", target);
        }

        var blocks = ScalarOrMap(m, "github_merge_blocks_policy");
        foreach (var (key, value) in blocks.Where(kv => kv.Value is not ("ignore" or "permit" or "block")))
        {
            m.Ctx.Error(m.LineOf("github_merge_blocks_policy"), m.FieldPath("github_merge_blocks_policy"), $"invalid policy \"{value}\" for \"{key}\": use ignore, permit or block");
        }

        var prioritize = ScalarOrMap(m, "prioritize_existing_batches")
            .ToDictionary(kv => kv.Key, kv => !bool.TryParse(kv.Value, out var b) || b, StringComparer.Ordinal);

        var bisect = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (key, value) in ScalarOrMap(m, "bisect_failed_batches"))
        {
            if (bool.TryParse(value, out var on))
            {
                bisect[key] = on;
            }
            else
            {
                m.Ctx.Error(m.LineOf("bisect_failed_batches"), m.FieldPath("bisect_failed_batches"), $"invalid value \"{value}\" for \"{key}\": use true or false");
            }
        }

        var tide = new TideConfig
        {
            SyncPeriod = sync,
            StatusUpdatePeriod = m.Duration("status_update_period") ?? sync,
            MaxGoroutines = m.Int("max_goroutines") is > 0 and var g ? g : 20,
            Queries = m.ObjList("queries", ReadQuery),
            MergeMethod = methods,
            MergeMethodBranches = branchMethods,
            MergeCommitTemplate = m.ObjMap("merge_commit_template", (t, _) => new MergeCommitTemplate(GoTemplateField.Read(t, "title", "CommitTitle"), GoTemplateField.Read(t, "body", "CommitBody"))),
            ContextOptions = m.Obj("context_options", ReadContextOptions) ?? new TideContextOptions(),
            BatchSizeLimit = m.StrMap("batch_size_limit").ToDictionary(kv => kv.Key, kv => int.TryParse(kv.Value, out var v) ? v : 0, StringComparer.Ordinal),
            PrioritizeExistingBatches = prioritize,
            BisectFailedBatches = bisect,
            Priority = m.ObjList("priority", p => p.StrList("labels")),
            SquashLabel = m.Str("squash_label"),
            RebaseLabel = m.Str("rebase_label"),
            MergeLabel = m.Str("merge_label"),
            BlockerLabel = m.Str("blocker_label"),
            TargetUrls = targets,
            PrStatusBaseUrls = prStatus,
            DisplayAllQueriesInStatus = m.Bool("display_all_tide_queries_in_status") ?? false,
            GitHubMergeBlocksPolicy = blocks,
        };
        if (prStatus.Count > 0 && !prStatus.ContainsKey("*"))
        {
            m.Ctx.Error(m.LineOf("pr_status_base_urls"), m.FieldPath("pr_status_base_urls"), "pr_status_base_urls is defined but the default value ('*') is missing");
        }

        foreach (var q in tide.Queries)
        {
            if (q.Validate() is { } error)
            {
                m.Ctx.Error(q.Line, m.FieldPath("queries"), "tide query is invalid: " + error);
            }
        }

        return tide with { Extra = m.KnownRest("gerrit", "max_goroutines") };
    }

    // Older configs give one global value; newer ones map "*", org or org/repo to a value.
    private static Dictionary<string, string> ScalarOrMap(MapReader m, string key)
    {
        if (m.Has(key) && m.Get(key) is YamlScalarNode)
        {
            return m.Str(key) is { } v ? new(StringComparer.Ordinal) { ["*"] = v } : new(StringComparer.Ordinal);
        }

        return new Dictionary<string, string>(m.StrMap(key), StringComparer.Ordinal);
    }

    private static TideQuery ReadQuery(MapReader q) => new()
    {
        Orgs = q.StrList("orgs"),
        Repos = q.StrList("repos"),
        ExcludedRepos = q.StrList("excludedRepos"),
        Labels = q.StrList("labels"),
        MissingLabels = q.StrList("missingLabels"),
        Author = q.Str("author"),
        ExcludedBranches = q.StrList("excludedBranches"),
        IncludedBranches = q.StrList("includedBranches"),
        Milestone = q.Str("milestone"),
        ReviewApprovedRequired = q.Bool("reviewApprovedRequired") ?? false,
        Line = q.Line,
    };

    // merge_method values are a method per org or org/repo, or nested {repos: {r: {branches: {re: method}}}}.
    private static (Dictionary<string, string>, Dictionary<string, IReadOnlyDictionary<string, string>>) ReadMergeMethods(MapReader m)
    {
        var methods = new Dictionary<string, string>(StringComparer.Ordinal);
        var branches = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var mm = m.Ctx.Map(m.Get("merge_method"), m.FieldPath("merge_method"));
        foreach (var key in mm?.Keys.ToList() ?? [])
        {
            if (mm!.Get(key) is YamlMappingNode node)
            {
                var org = new MapReader(mm.Ctx, node, mm.FieldPath(key));
                ReadNestedMethods(org, key, branches, methods);
                org.Finish();
                continue;
            }

            var method = mm.Str(key) ?? "";
            if (Check(mm, key, method))
            {
                methods[key] = method;
            }
        }

        mm?.Finish();
        return (methods, branches);
    }

    private static void ReadNestedMethods(MapReader org, string orgName, Dictionary<string, IReadOnlyDictionary<string, string>> branches, Dictionary<string, string> methods)
    {
        if (org.Str("merge_method") is { } orgMethod && Check(org, "merge_method", orgMethod))
        {
            methods[orgName] = orgMethod;
        }

        org.ObjMap("repos", (r, repo) =>
        {
            var key = orgName.Contains('/') ? orgName : $"{orgName}/{repo}";
            if (r.Str("merge_method") is { } repoMethod && Check(r, "merge_method", repoMethod))
            {
                methods[key] = repoMethod;
            }

            var b = r.StrMap("branches").Where(kv => Check(r, "branches", kv.Value)).ToDictionary(StringComparer.Ordinal);
            if (b.Count > 0)
            {
                branches[key] = b;
            }

            return key;
        });
    }

    private static bool Check(MapReader m, string key, string method)
    {
        if (s_methods.Contains(method))
        {
            return true;
        }

        m.Ctx.Error(m.LineOf(key), m.FieldPath(key), $"merge type \"{method}\" is not valid: use merge, squash or rebase");
        return false;
    }

    private static TideContextOptions ReadContextOptions(MapReader m) => ReadContextLevel(m, ["orgs", "repos", "branches"], 0);

    private static TideContextOptions ReadContextLevel(MapReader m, string[] levels, int depth)
    {
        var policy = new TideContextPolicy
        {
            RequiredContexts = m.StrList("required-contexts"),
            RequiredIfPresentContexts = m.StrList("required-if-present-contexts"),
            OptionalContexts = m.StrList("optional-contexts"),
            OptionalRegexContexts = m.StrList("optional-regex-contexts"),
            SkipUnknownContexts = m.Bool("skip-unknown-contexts"),
            OverwritePendingContexts = m.Bool("overwrite-pending-contexts"),
            FromBranchProtection = m.Bool("from-branch-protection"),
        };
        IReadOnlyDictionary<string, TideContextOptions> children = depth < levels.Length
            ? m.ObjMap(levels[depth], (c, _) => ReadContextLevel(c, levels, depth + 1))
            : new Dictionary<string, TideContextOptions>();
        return new TideContextOptions { Policy = policy, Children = children };
    }
}
