using Prow.Config.Jobs;
using Prow.Config.Yaml;
using YamlDotNet.RepresentationModel;

namespace Prow.Config.Loading;

/// <summary>Reads presubmits, postsubmits, periodics and presets as written (defaults come later).</summary>
internal static class JobReader
{
    private static readonly string[] s_decorationKeys =
    [
        "timeout", "grace_period", "utility_images", "resources", "gcs_configuration", "gcs_credentials_secret",
        "s3_credentials_secret", "default_service_account_name", "ssh_key_secrets", "ssh_host_fingerprints",
        "skip_cloning", "cookiefile_secret", "oauth_token_secret", "github_api_endpoints", "github_app_id",
        "github_app_private_key_secret", "censor_secrets", "censoring_options", "upload_ignores_interrupts",
        "run_as_user", "run_as_group", "fs_group", "blobless_fetch", "set_limit_equals_memory_request",
        "default_memory_request", "pod_pending_timeout", "pod_running_timeout", "pod_unscheduled_timeout",
        "scheduling_options", "sparse_checkout_files",
    ];

    /// <summary>Reads the job sections of one file's root mapping into <paramref name="into"/>.</summary>
    public static void ReadSections(MapReader root, RawJobs into)
    {
        foreach (var (repo, jobs) in ReadRepoJobs(root, "presubmits", ReadPresubmit))
        {
            into.AddPresubmits(repo, jobs);
        }

        foreach (var (repo, jobs) in ReadRepoJobs(root, "postsubmits", ReadPostsubmit))
        {
            into.AddPostsubmits(repo, jobs);
        }

        into.Periodics.AddRange(ReadJobList(root.Ctx, root.Get("periodics"), "periodics", ReadPeriodic));
        into.Presets.AddRange(root.ObjList("presets", ReadPreset));
    }

    /// <summary>
    /// Reads an in-repo config file (.prow.yaml or .prow/*.yaml): presubmits and postsubmits are
    /// plain lists for the one repository, and presets may be added.
    /// </summary>
    public static void ReadInRepoSections(MapReader root, string repo, RawJobs into)
    {
        into.AddPresubmits(repo, ReadJobList(root.Ctx, root.Get("presubmits"), "presubmits", m => ReadPresubmit(m, repo)));
        into.AddPostsubmits(repo, ReadJobList(root.Ctx, root.Get("postsubmits"), "postsubmits", m => ReadPostsubmit(m, repo)));
        into.Presets.AddRange(root.ObjList("presets", ReadPreset));
    }

    private static List<(string Repo, List<T> Jobs)> ReadRepoJobs<T>(MapReader root, string key, Func<MapReader, string, T> read)
    {
        var result = new List<(string, List<T>)>();
        var byRepo = root.Ctx.Map(root.Get(key), key);
        foreach (var repo in byRepo?.Keys.ToList() ?? [])
        {
            result.Add((repo, ReadJobList(root.Ctx, byRepo!.Get(repo), $"{key}.{repo}", m => read(m, repo))));
        }

        return result;
    }

    private static List<T> ReadJobList<T>(LoadContext ctx, YamlNode? node, string prefix, Func<MapReader, T> read)
    {
        var jobs = new List<T>();
        var items = ctx.Seq(node, prefix);
        for (var i = 0; i < items.Count; i++)
        {
            if (ctx.Map(items[i], JobPath(prefix, items[i], i)) is { } m)
            {
                jobs.Add(read(m));
                m.Finish();
            }
        }

        return jobs;
    }

    // Field paths name the job ("periodics.ci-foo.cron"), as validation problems do; the index is the fallback.
    private static string JobPath(string prefix, YamlNode node, int index) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("name"), out var n) &&
        n is YamlScalarNode { Value: { Length: > 0 } name }
            ? $"{prefix}.{name}"
            : $"{prefix}[{index}]";

    private static Presubmit ReadPresubmit(MapReader m, string repo) => ReadBase(m, new Presubmit
    {
        Repo = repo,
        AlwaysRun = m.Bool("always_run") ?? false,
        Optional = m.Bool("optional") ?? false,
        Trigger = m.StrOr("trigger", ""),
        RerunCommand = m.StrOr("rerun_command", ""),
        RunBeforeMerge = m.Bool("run_before_merge") ?? false,
        Brancher = new Brancher(m.StrList("branches"), m.StrList("skip_branches")),
        ChangeMatcher = new RegexpChangeMatcher(m.Str("run_if_changed"), m.Str("skip_if_only_changed")),
        Context = m.StrOr("context", ""),
        SkipReport = m.Bool("skip_report") ?? false,
        JenkinsSpec = m.Raw("jenkins_spec"),
    });

    private static Postsubmit ReadPostsubmit(MapReader m, string repo) => ReadBase(m, new Postsubmit
    {
        Repo = repo,
        AlwaysRun = m.Bool("always_run"),
        Brancher = new Brancher(m.StrList("branches"), m.StrList("skip_branches")),
        ChangeMatcher = new RegexpChangeMatcher(m.Str("run_if_changed"), m.Str("skip_if_only_changed")),
        Context = m.StrOr("context", ""),
        SkipReport = m.Bool("skip_report") ?? false,
        JenkinsSpec = m.Raw("jenkins_spec"),
    });

    private static Periodic ReadPeriodic(MapReader m) => ReadBase(m, new Periodic
    {
        Interval = m.Str("interval"),
        MinimumInterval = m.Str("minimum_interval"),
        Cron = m.Str("cron"),
        Tags = m.StrList("tags"),
        Retry = m.Obj("retry", r => new PeriodicRetry(r.Int("attempts") ?? 0, r.Str("interval"), r.Bool("run_all") ?? false)),
    });

    private static T ReadBase<T>(MapReader m, T job)
        where T : JobBase
    {
        var lines = m.Keys.ToDictionary(k => k, m.LineOf, StringComparer.Ordinal);
        return job with
        {
            Name = m.StrOr("name", ""),
            Labels = m.StrMap("labels"),
            Annotations = m.StrMap("annotations"),
            MaxConcurrency = m.Int("max_concurrency") ?? 0,
            Agent = m.StrOr("agent", ""),
            Cluster = m.StrOr("cluster", ""),
            Namespace = m.Str("namespace"),
            ErrorOnEviction = m.Bool("error_on_eviction") ?? false,
            Spec = m.Obj("spec", PodSpecReader.Read),
            PipelineRunSpec = FirstNonNull(m.Raw("pipeline_run_spec"), m.Raw("tekton_pipeline_run_spec")),
            ReporterConfig = m.Obj("reporter_config", ReadReporter),
            RerunAuthConfig = m.Obj("rerun_auth_config", ReadRerunAuth),
            Hidden = m.Bool("hidden") ?? false,
            ProwJobDefaults = m.Raw("prowjob_defaults") as Dictionary<string, object?>,
            JobQueueName = m.Str("job_queue_name"),
            Decorate = m.Bool("decorate"),
            PathAlias = m.Str("path_alias"),
            CloneUri = m.Str("clone_uri"),
            SkipSubmodules = m.Bool("skip_submodules") ?? false,
            CloneDepth = m.Int("clone_depth") ?? 0,
            SkipFetchHead = m.Bool("skip_fetch_head") ?? false,
            ExtraRefs = m.ObjList("extra_refs", ReadRefs),
            DecorationConfig = m.Obj("decoration_config", ReadDecoration),
            Source = new SourceLocation(m.Ctx.File, m.Line, lines),

            // Initializers run in order, so this sees only the keys nothing above read.
            Extra = m.Unread(),
        };
    }

    public static DecorationConfig ReadDecoration(MapReader m)
    {
        m.Duration("timeout", allowNanoseconds: true);
        m.Duration("grace_period", allowNanoseconds: true);
        m.Bool("skip_cloning");
        m.Bool("censor_secrets");
        m.Known(s_decorationKeys);
        return new DecorationConfig(YamlValues.ToRawMap(m.Node));
    }

    public static Refs ReadRefs(MapReader m) => new Refs
    {
        Org = m.StrOr("org", ""),
        Repo = m.StrOr("repo", ""),
        RepoLink = m.Str("repo_link"),
        BaseRef = m.StrOr("base_ref", ""),
        BaseSha = m.Str("base_sha"),
        PathAlias = m.Str("path_alias"),
        Workdir = m.Bool("workdir") ?? false,
        CloneUri = m.Str("clone_uri"),
        SkipSubmodules = m.Bool("skip_submodules") ?? false,
        CloneDepth = m.Int("clone_depth") ?? 0,
        SkipFetchHead = m.Bool("skip_fetch_head") ?? false,
        Extra = ReadRest(m, "base_link", "pulls", "auxiliary", "blobless_fetch", "sparse_checkout_files"),
    };

    public static SlackJobReporter ReadSlack(MapReader m) => new()
    {
        Host = m.Str("host"),
        Channel = m.Str("channel"),
        JobStatesToReport = m.StrList("job_states_to_report"),
        JobTypesToReport = m.StrList("job_types_to_report"),
        ReportTemplate = GoTemplateField.Read(m, "report_template", "SlackReport"),
        Report = m.Bool("report"),
    };

    private static ReporterConfig ReadReporter(MapReader m) =>
        new(m.Obj("slack", ReadJobSlack), new Dictionary<string, object?>());

    /// <summary>A job's own Slack config: <c>job_states_to_report: []</c> means <c>report: false</c> there, as Prow sets it on the ProwJob.</summary>
    private static SlackJobReporter ReadJobSlack(MapReader m)
    {
        var slack = ReadSlack(m);
        return slack.Report is null && m.Has("job_states_to_report") && slack.JobStatesToReport.Count == 0 ? slack with { Report = false } : slack;
    }

    public static RerunAuthConfig ReadRerunAuth(MapReader m) => new()
    {
        AllowAnyone = m.Bool("allow_anyone") ?? false,
        GitHubUsers = m.StrList("github_users"),
        GitHubOrgs = m.StrList("github_orgs"),
        GitHubTeamIds = m.StrList("github_team_ids").Select(s => int.TryParse(s, out var i) ? i : 0).ToList(),
        GitHubTeamSlugs = m.ObjList("github_team_slugs", t => $"{t.Str("org")}/{t.Str("slug")}"),
    };

    private static Preset ReadPreset(MapReader m)
    {
        var lines = m.Keys.ToDictionary(k => k, m.LineOf, StringComparer.Ordinal);
        return new Preset
        {
            Labels = m.StrMap("labels"),
            Env = m.ObjList("env", PodSpecReader.ReadEnv),
            Volumes = m.ObjList("volumes", PodSpecReader.ReadVolume),
            VolumeMounts = m.ObjList("volumeMounts", PodSpecReader.ReadMount),
            Tolerations = m.Raw("tolerations") as List<object?> ?? [],
            Source = new SourceLocation(m.Ctx.File, m.Line, lines),
        };
    }

    private static object? FirstNonNull(object? a, object? b) => a ?? b;

    private static Dictionary<string, object?> ReadRest(MapReader m, params string[] known)
    {
        var d = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var k in known)
        {
            if (m.Has(k))
            {
                d[k] = m.Raw(k);
            }
        }

        return d;
    }
}
