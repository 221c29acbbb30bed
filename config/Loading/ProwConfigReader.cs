using Prow.Config.Components;
using Prow.Config.Jobs;
using Prow.Config.Yaml;
using YamlDotNet.RepresentationModel;

namespace Prow.Config.Loading;

/// <summary>Reads the controller sections of config.yaml and applies Prow's defaults.</summary>
internal static class ProwConfigReader
{
    // Top-level keys Prow knows but this system keeps raw; they are not "unknown fields".
    private static readonly string[] s_knownRaw =
    [
        "config_version_sha", "gerrit", "horologium", "gangway", "moonraker", "scheduler", "jenkins_operators",
        "pubsub_subscriptions", "pubsub_triggers", "github",
        "status_error_link", "managed_webhooks", "prowjob_default_entries", "disabled_clusters", "prow_ignored", "pipeline",
    ];

    public static ProwConfig Read(MapReader m)
    {
        m.Known("presubmits", "postsubmits", "periodics", "presets");
        var podNamespace = m.Str("pod_namespace");
        var config = new ProwConfig
        {
            ProwJobNamespace = NonEmpty(m.Str("prowjob_namespace"), "default"),
            PodNamespace = NonEmpty(podNamespace, "default"),
            LogLevel = NonEmpty(m.Str("log_level"), "info"),
            DefaultJobTimeout = m.Duration("default_job_timeout") ?? TimeSpan.FromHours(24),
            DecorateAllJobs = m.Bool("decorate_all_jobs") ?? false,
            Plank = m.Obj("plank", ReadPlank) ?? new PlankConfig(),
            Sinker = m.Obj("sinker", ReadSinker) ?? new SinkerConfig(),
            Tide = m.Obj("tide", TideReader.Read) ?? new TideConfig(),
            BranchProtection = m.Obj("branch-protection", BranchProtectionReader.Read) ?? new BranchProtectionConfig(),
            Deck = m.Obj("deck", ReadDeck) ?? new DeckConfig(),
            GitHubReporter = m.Obj("github_reporter", ReadGitHubReporter) ?? new GitHubReporterConfig(),
            SlackReporterConfigs = m.ObjMap("slack_reporter_configs", (s, _) => JobReader.ReadSlack(s)),
            InRepoConfig = m.Obj("in_repo_config", ReadInRepo) ?? new InRepoConfig(),
            PushGateway = m.Obj("push_gateway", ReadPushGateway) ?? new PushGatewayConfig(),
            OwnersDirDenylist = m.Obj("owners_dir_denylist", ReadOwnersDirDenylist) ?? new OwnersDirDenylist(),
        };
        m.Known(s_knownRaw);
        var extra = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var k in s_knownRaw.Where(m.Has))
        {
            extra[k] = m.Raw(k);
        }

        return config with { Extra = extra };
    }

    /// <summary>As Prow: an unset interval is a minute (a zero one too, which Prow could not tick on).</summary>
    private static PushGatewayConfig ReadPushGateway(MapReader m) => new()
    {
        Endpoint = m.Str("endpoint") is { } endpoint && !string.IsNullOrWhiteSpace(endpoint) ? endpoint.Trim() : null,
        Interval = m.Duration("interval") is { } interval && interval > TimeSpan.Zero ? interval : PushGatewayConfig.DefaultInterval,
        ServeMetrics = m.Bool("serve_metrics") ?? false,
    };

    private static OwnersDirDenylist ReadOwnersDirDenylist(MapReader m)
    {
        var repos = new Dictionary<string, IReadOnlyList<System.Text.RegularExpressions.Regex>>(StringComparer.Ordinal);
        var rm = m.Ctx.Map(m.Get("repos"), m.FieldPath("repos"));
        foreach (var key in rm?.Keys.ToList() ?? [])
        {
            repos[key] = Patterns(rm!, key);
        }

        return new OwnersDirDenylist
        {
            Default = Patterns(m, "default"),
            Repos = repos,
            IgnorePreconfiguredDefaults = m.Bool("ignore_preconfigured_defaults") ?? false,
        };
    }

    /// <summary>A list of Go regular expressions; one that does not compile is an error naming its line, as Prow refuses it.</summary>
    private static List<System.Text.RegularExpressions.Regex> Patterns(MapReader m, string key)
    {
        var compiled = new List<System.Text.RegularExpressions.Regex>();
        var items = m.Ctx.Seq(m.Get(key), m.FieldPath(key));
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not YamlScalarNode { Value: { } pattern })
            {
                m.Ctx.Error(items[i], $"{m.FieldPath(key)}[{i}]", $"expected a string, got {YamlValues.Kind(items[i])}");
            }
            else if (GoRegex.TryCompile(pattern, out var regex, out var error))
            {
                compiled.Add(regex!);
            }
            else
            {
                m.Ctx.Error(items[i], $"{m.FieldPath(key)}[{i}]", $"invalid regex {pattern}: {error}");
            }
        }

        return compiled;
    }

    private static string NonEmpty(string? value, string fallback) => string.IsNullOrEmpty(value) ? fallback : value;

    private static PlankConfig ReadPlank(MapReader m)
    {
        var entries = new List<DecorationConfigEntry>();

        // default_decoration_configs is a map ("*", org, org/repo → config) in Prow; a list of
        // entries is accepted there too, read like default_decoration_config_entries.
        var listForm = m.Get("default_decoration_configs") is YamlSequenceNode;
        var legacy = listForm
            ? new Dictionary<string, DecorationConfig>()
            : m.ObjMap("default_decoration_configs", (d, _) => JobReader.ReadDecoration(d));

        // The older map form is ordered "*", then orgs, then org/repos, so narrower keys override wider ones.
        foreach (var (key, cfg) in legacy.OrderBy(kv => kv.Key == "*" ? 0 : kv.Key.Contains('/') ? 2 : 1))
        {
            entries.Add(new DecorationConfigEntry(key, "", cfg));
        }

        if (listForm)
        {
            entries.AddRange(m.ObjList("default_decoration_configs", ReadEntry));
        }

        entries.AddRange(m.ObjList("default_decoration_config_entries", ReadEntry));

        var maxConcurrency = m.Int("max_concurrency") ?? 0;
        if (maxConcurrency < 0)
        {
            m.Ctx.Error(m.LineOf("max_concurrency"), m.FieldPath("max_concurrency"), "must be a non-negative number");
        }

        var reports = new Dictionary<string, string>(m.StrMap("report_templates"), StringComparer.Ordinal);
        if (m.Str("report_template") is { } single)
        {
            reports.TryAdd("*", single);
        }

        foreach (var (orgRepo, text) in reports)
        {
            GoTemplateField.Check(m, m.Has("report_templates") ? "report_templates" : "report_template", $"Report {orgRepo}", text);
        }

        var plank = new PlankConfig
        {
            JobUrlPrefixConfig = m.StrMap("job_url_prefix_config"),
            JobUrlTemplate = GoTemplateField.Read(m, "job_url_template", "JobURL"),
            ReportTemplates = reports,
            DefaultDecorationConfigs = entries,
            MaxConcurrency = maxConcurrency,
            MaxGoroutines = m.Int("max_goroutines") is > 0 and var g ? g : 20,
            PodPendingTimeout = m.Duration("pod_pending_timeout") ?? PlankConfig.DefaultPodPendingTimeout,
            PodRunningTimeout = m.Duration("pod_running_timeout") ?? PlankConfig.DefaultPodRunningTimeout,
            PodUnscheduledTimeout = m.Duration("pod_unscheduled_timeout") ?? PlankConfig.DefaultPodUnscheduledTimeout,
            MaxRevivals = m.Int("max_revivals") ?? PlankConfig.DefaultMaxRevivals,
            JobQueueCapacities = m.StrMap("job_queue_capacities")
                .ToDictionary(kv => kv.Key, kv => int.TryParse(kv.Value, out var c) ? c : 0, StringComparer.Ordinal),
        };
        return plank with { Extra = m.KnownRest("build_cluster_status_file", "jobURLPrefixDisableAppendStorageProvider") };
    }

    private static DecorationConfigEntry ReadEntry(MapReader e) =>
        new(e.StrOr("repo", ""), e.StrOr("cluster", ""),
            e.Obj("config", JobReader.ReadDecoration) ?? new DecorationConfig(new Dictionary<string, object?>()));

    private static SinkerConfig ReadSinker(MapReader m)
    {
        var maxPodAge = m.Duration("max_pod_age") ?? TimeSpan.FromHours(24);
        return new SinkerConfig
        {
            ResyncPeriod = m.Duration("resync_period") ?? TimeSpan.FromHours(1),
            MaxProwJobAge = m.Duration("max_prowjob_age") ?? TimeSpan.FromDays(7),
            MaxPodAge = maxPodAge,
            TerminatedPodTtl = m.Duration("terminated_pod_ttl") ?? maxPodAge,
            ExcludeClusters = m.StrList("exclude_clusters"),
        };
    }

    private static DeckConfig ReadDeck(MapReader m)
    {
        var rerun = new Dictionary<string, RerunAuthConfig>(
            m.ObjMap("rerun_auth_configs", (r, _) => JobReader.ReadRerunAuth(r)), StringComparer.Ordinal);
        if (m.Obj("rerun_auth_config", JobReader.ReadRerunAuth) is { } legacy)
        {
            rerun.TryAdd("*", legacy);
        }

        var deck = new DeckConfig
        {
            Spyglass = m.Obj("spyglass", ReadSpyglass) ?? new SpyglassConfig(),
            TideUpdatePeriod = m.Duration("tide_update_period") ?? TimeSpan.FromSeconds(10),
            RerunAuthConfigs = rerun,
            DefaultRerunAuthConfigs = m.ObjList("default_rerun_auth_configs", e => new RerunAuthConfigEntry(
                e.StrOr("repo", ""), e.StrOr("cluster", ""), e.Obj("rerun_auth_configs", JobReader.ReadRerunAuth) ?? new RerunAuthConfig())),
            HiddenRepos = m.StrList("hidden_repos"),
        };
        return deck with
        {
            Extra = m.KnownRest("additional_allowed_buckets", "branding", "external_agent_logs", "google_analytics", "skip_storage_path_validation"),
        };
    }

    private static SpyglassConfig ReadSpyglass(MapReader m)
    {
        var size = m.Int("size_limit") ?? 0;
        if (size < 0)
        {
            m.Ctx.Error(m.LineOf("size_limit"), m.FieldPath("size_limit"), "must be >= 0");
        }

        var s = new SpyglassConfig
        {
            SizeLimit = size > 0 ? size : 100_000_000,
            GcsBrowserPrefix = m.Str("gcs_browser_prefix"),
            GcsBrowserPrefixes = m.StrMap("gcs_browser_prefixes"),
            TestGridConfig = m.Str("testgrid_config"),
            TestGridRoot = m.Str("testgrid_root"),
            Lenses = m.Raw("lenses") as List<object?> ?? [],
        };
        return s with
        {
            Extra = m.KnownRest("announcement", "bucket_aliases", "gcs_browser_prefixes_by_bucket", "hide_pr_history_link", "pr_history_link_template", "viewers", "size_limit"),
        };
    }

    private static GitHubReporterConfig ReadGitHubReporter(MapReader m)
    {
        var types = m.StrList("job_types_to_report");
        foreach (var t in types.Where(t => t is not ("presubmit" or "postsubmit")))
        {
            m.Ctx.Error(m.LineOf("job_types_to_report"), m.FieldPath("job_types_to_report"), $"invalid job type \"{t}\": only presubmit and postsubmit are reported to GitHub");
        }

        var r = new GitHubReporterConfig
        {
            JobTypesToReport = types.Count > 0 ? types : ["presubmit", "postsubmit"],
            NoCommentRepos = m.StrList("no_comment_repos"),
            SummaryCommentRepos = m.StrList("summary_comment_repos"),
            CheckRunRepos = m.StrList("check_run_repos"),
        };
        foreach (var entry in r.CheckRunRepos.Where(e => e.Split('/') is not ([{ Length: > 0 }] or [{ Length: > 0 }, { Length: > 0 }])))
        {
            m.Ctx.Error(m.LineOf("check_run_repos"), m.FieldPath("check_run_repos"), $"\"{entry}\" is neither an org nor org/repo");
        }

        return r;
    }

    private static InRepoConfig ReadInRepo(MapReader m)
    {
        var enabled = new Dictionary<string, bool>(StringComparer.Ordinal);
        var em = m.Ctx.Map(m.Get("enabled"), m.FieldPath("enabled"));
        foreach (var k in em?.Keys.ToList() ?? [])
        {
            if (em!.Bool(k) is { } b)
            {
                enabled[k] = b;
            }
        }

        var clusters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var cm = m.Ctx.Map(m.Get("allowed_clusters"), m.FieldPath("allowed_clusters"));
        foreach (var k in cm?.Keys.ToList() ?? [])
        {
            clusters[k] = cm!.StrList(k);
        }

        return new InRepoConfig { Enabled = enabled, AllowedClusters = clusters };
    }
}
