namespace Prow.Config.Plugins;

/// <summary>plugins.yaml: which plugins run where, external plugins, and per-plugin settings.</summary>
public sealed record PluginsConfig
{
    public static PluginsConfig Empty { get; } = new();

    /// <summary>org or org/repo → enabled plugins.</summary>
    public IReadOnlyDictionary<string, OrgPlugins> Plugins { get; init; } = new Dictionary<string, OrgPlugins>();
    public IReadOnlyDictionary<string, IReadOnlyList<ExternalPlugin>> ExternalPlugins { get; init; } = new Dictionary<string, IReadOnlyList<ExternalPlugin>>();
    public IReadOnlyList<ApproveConfig> Approve { get; init; } = [];
    public IReadOnlyList<LgtmConfig> Lgtm { get; init; } = [];
    public IReadOnlyList<TriggerConfig> Triggers { get; init; } = [];
    public IReadOnlyList<WelcomeConfig> Welcome { get; init; } = [];
    public LabelConfig Label { get; init; } = new();
    public SizeConfig Size { get; init; } = new();
    public CatConfig Cat { get; init; } = new(null);
    public GooseConfig Goose { get; init; } = new(null);
    public HeartConfig Heart { get; init; } = new();
    public GolintConfig Golint { get; init; } = new(null);
    public ConfigUpdaterConfig ConfigUpdater { get; init; } = new();
    public BlunderbussConfig Blunderbuss { get; init; } = new();
    public OwnersPluginConfig Owners { get; init; } = new();
    public HelpConfig Help { get; init; } = new();
    public OverrideConfig Override { get; init; } = new();
    public RetitleConfig Retitle { get; init; } = new(false);
    public SlackPluginConfig Slack { get; init; } = new();
    public ReleaseNoteConfig ReleaseNote { get; init; } = new();
    public IReadOnlyList<CherryPickApprovedConfig> CherryPickApproved { get; init; } = [];
    public CherryPickUnapprovedConfig CherryPickUnapproved { get; init; } = new();

    /// <summary>org/repo, org or <c>*</c> → dco settings.</summary>
    public IReadOnlyDictionary<string, DcoConfig> Dco { get; init; } = new Dictionary<string, DcoConfig>();
    public IReadOnlyList<InvalidCommitMsgConfig> InvalidCommitMsg { get; init; } = [];
    public IReadOnlyList<BlockadeConfig> Blockades { get; init; } = [];
    public IReadOnlyList<RequireMatchingLabelConfig> RequireMatchingLabel { get; init; } = [];

    /// <summary><c>repo_milestone</c>: org/repo, or <c>""</c> for every other repo → the milestone maintainers team.</summary>
    public IReadOnlyDictionary<string, RepoMilestoneConfig> RepoMilestone { get; init; } = new Dictionary<string, RepoMilestoneConfig>();

    /// <summary><c>milestone_applier</c>: org/repo → base branch → the milestone a merged pull request gets.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> MilestoneApplier { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();
    public BranchCleanerConfig BranchCleaner { get; init; } = new();
    public SigMentionConfig SigMention { get; init; } = new();

    /// <summary>Every other section (blockades, milestone_applier, heart...), kept raw.</summary>
    public IReadOnlyDictionary<string, object?> Extra { get; init; } = new Dictionary<string, object?>();

    /// <summary>Total plugin entries over all orgs and repos.</summary>
    public int EnabledCount => Plugins.Values.Sum(p => p.Plugins.Count);

    /// <summary>Prow's getPlugins: the org's plugins unless the repo is excluded, plus the org/repo's own.</summary>
    public IReadOnlyList<string> EnabledPluginsFor(string org, string? repo)
    {
        var result = new List<string>();
        if (Plugins.TryGetValue(org, out var o) && (repo is null || !o.ExcludedRepos.Contains(repo, StringComparer.Ordinal)))
        {
            result.AddRange(o.Plugins);
        }

        if (repo is not null && Plugins.TryGetValue($"{org}/{repo}", out var r))
        {
            result.AddRange(r.Plugins);
        }

        return result;
    }

    public bool IsEnabled(string org, string repo, string plugin) => EnabledPluginsFor(org, repo).Contains(plugin, StringComparer.Ordinal);

    public IReadOnlyList<ExternalPlugin> ExternalPluginsFor(string org, string repo) =>
        [.. ExternalPlugins.GetValueOrDefault(org) ?? [], .. ExternalPlugins.GetValueOrDefault($"{org}/{repo}") ?? []];

    /// <summary>The repo's entry if one names it, else the org's, else plugin defaults.</summary>
    public ApproveConfig ApproveFor(string org, string repo) => ForRepo(Approve, a => a.Repos, org, repo) ?? new ApproveConfig();

    public LgtmConfig LgtmFor(string org, string repo) => ForRepo(Lgtm, l => l.Repos, org, repo) ?? new LgtmConfig();

    public TriggerConfig TriggerFor(string org, string repo) => ForRepo(Triggers, t => t.Repos, org, repo) ?? new TriggerConfig();

    public WelcomeConfig? WelcomeFor(string org, string repo) => ForRepo(Welcome, w => w.Repos, org, repo);

    /// <summary>Prow's DcoFor: the org/repo entry, else the org's, else <c>*</c>, else defaults.</summary>
    public DcoConfig DcoFor(string org, string repo) =>
        Dco.GetValueOrDefault($"{org}/{repo}") ?? Dco.GetValueOrDefault(org) ?? Dco.GetValueOrDefault("*") ?? new DcoConfig();

    /// <summary>Prow's lookup: the org/repo entry, else the <c>""</c> entry, else an entry naming no team.</summary>
    public RepoMilestoneConfig RepoMilestoneFor(string org, string repo) =>
        RepoMilestone.GetValueOrDefault($"{org}/{repo}") ?? RepoMilestone.GetValueOrDefault("") ?? new RepoMilestoneConfig();

    public InvalidCommitMsgConfig InvalidCommitMsgFor(string org, string repo) => ForRepo(InvalidCommitMsg, i => i.Repos, org, repo) ?? new InvalidCommitMsgConfig();

    private static T? ForRepo<T>(IReadOnlyList<T> entries, Func<T, IReadOnlyList<string>> repos, string org, string repo)
        where T : class =>
        entries.FirstOrDefault(e => repos(e).Contains($"{org}/{repo}", StringComparer.Ordinal)) ??
        entries.FirstOrDefault(e => repos(e).Contains(org, StringComparer.Ordinal));
}
