using Prow.Config.Jobs;

namespace Prow.Config.Loading;

/// <summary>Jobs as read from every file, merged per repository, before defaulting and validation.</summary>
internal sealed class RawJobs
{
    public Dictionary<string, List<Presubmit>> Presubmits { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<Postsubmit>> Postsubmits { get; } = new(StringComparer.Ordinal);

    public List<Periodic> Periodics { get; } = [];

    public List<Preset> Presets { get; } = [];

    public void AddPresubmits(string repo, IEnumerable<Presubmit> jobs) => Add(Presubmits, repo, jobs);

    public void AddPostsubmits(string repo, IEnumerable<Postsubmit> jobs) => Add(Postsubmits, repo, jobs);

    private static void Add<T>(Dictionary<string, List<T>> map, string repo, IEnumerable<T> jobs)
    {
        if (!map.TryGetValue(repo, out var list))
        {
            map[repo] = list = [];
        }

        list.AddRange(jobs);
    }
}
