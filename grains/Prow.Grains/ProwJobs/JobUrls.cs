using System.Collections.Concurrent;
using Prow.Config.Components;
using Prow.GoTemplates;

namespace Prow.Grains.ProwJobs;

/// <summary>Where a job's page is: the URL a commit status, a PR comment and a Slack message link to.</summary>
/// <param name="statusSite">Asked when needed: the listening address is known only once the server has started.</param>
public sealed class JobUrls(Func<Uri> statusSite)
{
    private readonly ConcurrentDictionary<string, GoTemplate?> _templates = new(StringComparer.Ordinal);

    /// <summary>
    /// As Prow's pjutil.JobURL: a job without decoration gets <c>plank.job_url_template</c> rendered over it when
    /// there is one. Otherwise plank.job_url_prefix_config (per org/repo, then org, then "*") names the job view's
    /// public address and the job's id is appended (our job view is keyed by id rather than by the storage path
    /// Prow's spyglass uses); without a prefix, deck's own <c>/view/ID</c> on this silo.
    /// </summary>
    public string For(ProwJob job, PlankConfig plank)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(plank);
        if (job.Spec.DecorationConfig is null && plank.JobUrlTemplate is { Length: > 0 } text && Template(text) is { } template)
        {
            try
            {
                return template.Execute(ProwJobTemplateData.For(job));
            }
            catch (GoTemplateException)
            {
                // Prow logs and leaves the URL empty; the job's own page is more use to whoever follows the link.
            }
        }

        var id = Uri.EscapeDataString(job.Id);
        var prefix = job.Spec.MainRefs is { } refs ? plank.JobUrlPrefixFor(refs.Org, refs.Repo) : plank.JobUrlPrefixConfig.GetValueOrDefault("*");
        return prefix is null ? new Uri(statusSite(), $"view/{id}").ToString() : prefix.TrimEnd('/') + "/" + id;
    }

    /// <summary>Parsed once per text; a template that does not parse is refused by check-config, and here falls back.</summary>
    private GoTemplate? Template(string text) => _templates.GetOrAdd(text, t =>
    {
        try
        {
            return GoTemplate.Parse("JobURL", t);
        }
        catch (GoTemplateException)
        {
            return null;
        }
    });
}
