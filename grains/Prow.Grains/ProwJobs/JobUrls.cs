using System.Collections.Concurrent;
using Prow.Config.Components;
using Prow.GoTemplates;
using Prow.Services.Artifacts;

namespace Prow.Grains.ProwJobs;

/// <summary>Where a job's page is: the URL a commit status, a PR comment and a Slack message link to.</summary>
/// <param name="statusSite">Asked when needed: the listening address is known only once the server has started.</param>
public sealed class JobUrls(Func<Uri> statusSite)
{
    private const string DisableAppendStorageProvider = "jobURLPrefixDisableAppendStorageProvider";

    private readonly ConcurrentDictionary<string, GoTemplate?> _templates = new(StringComparer.Ordinal);

    /// <summary>
    /// As Prow's pjutil.JobURL. With <c>plank.job_url_prefix_config</c> (per org/repo, then org, then "*"), a decorated
    /// job's link is the prefix, the storage provider (unless <c>jobURLPrefixDisableAppendStorageProvider</c>), the
    /// bucket and the build folder of its <c>gcs_configuration</c>, e.g. <c>https://prow.example/view/gs/bucket/logs/job/123</c>,
    /// which this site also serves. A job without decoration gets <c>plank.job_url_template</c> rendered over it when
    /// there is one. Otherwise the prefix and the job's id (our job view is keyed by id), or without a prefix deck's own
    /// <c>/view/ID</c> on this silo.
    /// </summary>
    public string For(ProwJob job, PlankConfig plank)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(plank);
        var prefix = job.Spec.MainRefs is { } refs ? plank.JobUrlPrefixFor(refs.Org, refs.Repo) : plank.JobUrlPrefixConfig.GetValueOrDefault("*");
        if (prefix is not null && job.Spec.DecorationConfig is not null && job.Status.BuildId is not null && GcsConfiguration.Of(job) is { BucketName: { } bucket } gcs)
        {
            var provider = plank.Extra.GetValueOrDefault(DisableAppendStorageProvider) is string flag && bool.TryParse(flag, out var off) && off ? "" : gcs.Provider + "/";
            return $"{prefix.TrimEnd('/')}/{provider}{bucket}/{ArtifactLayout.BuildFolder(job)}";
        }

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
