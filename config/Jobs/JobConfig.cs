namespace Prow.Config.Jobs;

/// <summary>Every job after defaulting, presets and validation, with the lookups trigger and tide use.</summary>
public sealed class JobConfig
{
    private static readonly IReadOnlyList<Presubmit> s_noPresubmits = [];
    private static readonly IReadOnlyList<Postsubmit> s_noPostsubmits = [];

    public JobConfig(
        IReadOnlyDictionary<string, IReadOnlyList<Presubmit>> presubmits,
        IReadOnlyDictionary<string, IReadOnlyList<Postsubmit>> postsubmits,
        IReadOnlyList<Periodic> periodics,
        IReadOnlyList<Preset> presets,
        bool decorateAllJobs)
    {
        Presubmits = presubmits;
        Postsubmits = postsubmits;
        Periodics = periodics;
        Presets = presets;
        DecorateAllJobs = decorateAllJobs;
    }

    public static JobConfig Empty { get; } = new(
        new Dictionary<string, IReadOnlyList<Presubmit>>(), new Dictionary<string, IReadOnlyList<Postsubmit>>(), [], [], false);

    /// <summary>"org/repo" → presubmits, merged over every job file.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Presubmit>> Presubmits { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<Postsubmit>> Postsubmits { get; }

    public IReadOnlyList<Periodic> Periodics { get; }

    public IReadOnlyList<Preset> Presets { get; }

    public bool DecorateAllJobs { get; }

    public int PresubmitCount => Presubmits.Values.Sum(l => l.Count);

    public int PostsubmitCount => Postsubmits.Values.Sum(l => l.Count);

    public IReadOnlyList<Presubmit> PresubmitsFor(string orgRepo) => Presubmits.GetValueOrDefault(orgRepo) ?? s_noPresubmits;

    public IReadOnlyList<Presubmit> PresubmitsFor(string org, string repo) => PresubmitsFor($"{org}/{repo}");

    public IReadOnlyList<Postsubmit> PostsubmitsFor(string orgRepo) => Postsubmits.GetValueOrDefault(orgRepo) ?? s_noPostsubmits;

    public IReadOnlyList<Postsubmit> PostsubmitsFor(string org, string repo) => PostsubmitsFor($"{org}/{repo}");

    /// <summary>Presubmits of the given repos, or of every repo when none are given (Prow's AllStaticPresubmits).</summary>
    public IReadOnlyList<Presubmit> AllPresubmits(params string[] repos) =>
        repos.Length == 0 ? Presubmits.Values.SelectMany(l => l).ToList() : repos.SelectMany(PresubmitsFor).ToList();

    public IReadOnlyList<Postsubmit> AllPostsubmits(params string[] repos) =>
        repos.Length == 0 ? Postsubmits.Values.SelectMany(l => l).ToList() : repos.SelectMany(PostsubmitsFor).ToList();

    public Periodic? PeriodicNamed(string name) => Periodics.FirstOrDefault(p => p.Name == name);
}
