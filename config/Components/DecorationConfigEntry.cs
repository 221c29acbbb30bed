using Prow.Config.Jobs;

namespace Prow.Config.Components;

/// <summary>A plank default decoration config for jobs of matching repo and cluster ("" or "*" match all).</summary>
public sealed record DecorationConfigEntry(string Repo, string Cluster, DecorationConfig Config)
{
    /// <summary>Repo matches "org/repo" or "org"; cluster matches by name.</summary>
    public bool Matches(string orgRepo, string cluster)
    {
        var org = orgRepo.Split('/')[0];
        var repoOk = Repo is "" or "*" || Repo == orgRepo || Repo == org;
        var clusterOk = Cluster is "" or "*" || Cluster == cluster;
        return repoOk && clusterOk;
    }
}
