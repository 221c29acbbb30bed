using Prow.Config.Jobs;

namespace Prow.Config.Components;

/// <summary>A deck default_rerun_auth_configs entry for jobs of matching repo and cluster ("" or "*" match all).</summary>
public sealed record RerunAuthConfigEntry(string Repo, string Cluster, RerunAuthConfig Config)
{
    public bool Matches(string orgRepo, string cluster) =>
        (Repo is "" or "*" || Repo == orgRepo || Repo == orgRepo.Split('/')[0]) && (Cluster is "" or "*" || Cluster == cluster);
}
