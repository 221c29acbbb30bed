using Prow.Config.Components;

namespace Prow.Grains.ProwJobs;

/// <summary>Where a job's page is on the status site: the URL a commit status links to (deck's job view, <c>/view/ID</c>).</summary>
/// <param name="statusSite">Asked when needed: the listening address is known only once the server has started.</param>
public sealed class JobUrls(Func<Uri> statusSite)
{
    /// <summary>
    /// plank.job_url_prefix_config (per org/repo, then org, then "*") names the job view's public address when deck is
    /// reached through another host name than the one this silo listens on; the job's id is appended to it, as our job
    /// view is keyed by id rather than by the storage path Prow's spyglass uses.
    /// </summary>
    public string For(ProwJob job, PlankConfig plank)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(plank);
        var id = Uri.EscapeDataString(job.Id);
        var prefix = job.Spec.MainRefs is { } refs ? plank.JobUrlPrefixFor(refs.Org, refs.Repo) : plank.JobUrlPrefixConfig.GetValueOrDefault("*");
        return prefix is null ? new Uri(statusSite(), $"view/{id}").ToString() : prefix.TrimEnd('/') + "/" + id;
    }
}
