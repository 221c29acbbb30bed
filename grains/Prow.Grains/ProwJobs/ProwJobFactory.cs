using Prow.Config;
using Prow.Config.Jobs;
using Prow.GrainInterfaces.ProwJobs;

namespace Prow.Grains.ProwJobs;

/// <summary>Builds ProwJobs from job configs as Prow's pjutil does: spec from the job, labels and annotations from the job and its refs.</summary>
public static class ProwJobFactory
{
    /// <summary>The request reason tide gives when it retests a pull request; its jobs carry the created-by-tide label.</summary>
    public const string TideRetestReason = "tide";

    /// <summary>A presubmit ProwJob for the pull request a trigger request names.</summary>
    public static ProwJob Presubmit(ConfigSnapshot config, Presubmit job, ProwJobRequest request, string id, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(request);
        var refs = Refs(job, request.Org, request.Repo, request.BaseRef, request.BaseSha) with
        {
            Pulls = request.PullNumber is { } number
                ? [new ProwJobPull
                {
                    Number = number,
                    Author = request.PullAuthor ?? "",
                    Sha = request.PullSha ?? "",
                    Link = $"https://github.com/{request.Org}/{request.Repo}/pull/{number}",
                    CommitLink = $"https://github.com/{request.Org}/{request.Repo}/pull/{number}/commits/{request.PullSha}",
                    AuthorLink = $"https://github.com/{request.PullAuthor}",
                }]
                : [],
        };
        var spec = Spec(config, job, ProwJobType.Presubmit, refs) with
        {
            Report = !job.SkipReport,
            Context = job.Context,
            RerunCommand = job.RerunCommand,
        };
        var labels = Labels(job, spec);
        labels[ProwJobLabels.IsOptional] = job.Optional ? "true" : "false";
        if (request.Reason is "/retest" or "/retest-required")
        {
            labels[ProwJobLabels.Retest] = "true";
        }

        if (request.Reason == TideRetestReason)
        {
            labels[ProwJobLabels.CreatedByTide] = "true";
        }

        return Build(id, config, job, spec, labels, now);
    }

    /// <summary>A batch ProwJob (tide): one presubmit over several pull requests merged together onto one base.</summary>
    public static ProwJob Batch(ConfigSnapshot config, Presubmit job, string org, string repo, string baseRef, string baseSha, IReadOnlyList<ProwJobPull> pulls, string id, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(job);
        var spec = Spec(config, job, ProwJobType.Batch, Refs(job, org, repo, baseRef, baseSha) with { Pulls = pulls }) with { Report = !job.SkipReport, Context = job.Context, RerunCommand = job.RerunCommand };
        var labels = Labels(job, spec);
        labels[ProwJobLabels.CreatedByTide] = "true";
        return Build(id, config, job, spec, labels, now);
    }

    /// <summary>A postsubmit ProwJob for a push to a branch.</summary>
    public static ProwJob Postsubmit(ConfigSnapshot config, Postsubmit job, string org, string repo, string branch, string sha, string id, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(job);
        var spec = Spec(config, job, ProwJobType.Postsubmit, Refs(job, org, repo, branch, sha)) with { Report = !job.SkipReport, Context = job.Context };
        return Build(id, config, job, spec, Labels(job, spec), now);
    }

    /// <summary>A periodic ProwJob: no refs of its own, only its extra_refs.</summary>
    public static ProwJob Periodic(ConfigSnapshot config, Periodic job, string id, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(job);
        var spec = Spec(config, job, ProwJobType.Periodic, refs: null) with { Report = true, Context = job.Name };
        return Build(id, config, job, spec, Labels(job, spec), now);
    }

    /// <summary>The repository at a base, with how the job wants it cloned.</summary>
    private static ProwJobRefs Refs(JobBase job, string org, string repo, string baseRef, string? baseSha) => new()
    {
        Org = org,
        Repo = repo,
        RepoLink = $"https://github.com/{org}/{repo}",
        BaseRef = baseRef,
        BaseSha = baseSha,
        BaseLink = baseSha is null ? null : $"https://github.com/{org}/{repo}/commit/{baseSha}",
        PathAlias = job.PathAlias,
        CloneUri = job.CloneUri,
        SkipSubmodules = job.SkipSubmodules,
        CloneDepth = job.CloneDepth,
    };

    private static ProwJobSpec Spec(ConfigSnapshot config, JobBase job, string type, ProwJobRefs? refs) => new()
    {
        Type = type,
        Agent = job.Agent.Length > 0 ? job.Agent : "kubernetes",
        Cluster = job.Cluster.Length > 0 ? job.Cluster : "default",
        Namespace = job.Namespace ?? config.Prow.PodNamespace,
        Job = job.Name,
        Refs = refs,
        ExtraRefs = [.. job.ExtraRefs.Select(r => new ProwJobRefs { Org = r.Org, Repo = r.Repo, BaseRef = r.BaseRef, BaseSha = r.BaseSha, PathAlias = r.PathAlias, Workdir = r.Workdir, CloneUri = r.CloneUri })],
        MaxConcurrency = job.MaxConcurrency,
        JobQueueName = job.JobQueueName,
        PodSpec = job.Spec is { } podSpec ? PodSpecJson.From(podSpec) : null,
        // Decorated jobs always carry a decoration config, if only an empty one: the local cluster needs no utility images.
        DecorationConfig = job.Decorated ? PodSpecJson.From(job.DecorationConfig ?? new DecorationConfig(new Dictionary<string, object?>())) : null,
        Hidden = job.Hidden,
        ErrorOnEviction = job.ErrorOnEviction,
        ReporterConfig = job.ReporterConfig?.Slack is { } slack ? new ProwJobReporterConfig { Slack = SlackOf(slack) } : null,
    };

    /// <summary>A job's Slack config as Prow puts it on the ProwJob: <c>report</c> is true unless the config said otherwise.</summary>
    private static SlackReporterConfig SlackOf(SlackJobReporter slack) => new()
    {
        Host = slack.Host,
        Channel = slack.Channel,
        JobStatesToReport = slack.JobStatesToReport.Count > 0 ? slack.JobStatesToReport : null,
        ReportTemplate = slack.ReportTemplate,
        Report = slack.Report ?? true,
    };

    private static Dictionary<string, string> Labels(JobBase job, ProwJobSpec spec)
    {
        var labels = new Dictionary<string, string>(job.Labels, StringComparer.Ordinal)
        {
            [ProwJobLabels.CreatedByProw] = "true",
            [ProwJobLabels.Type] = spec.Type,
            [ProwJobLabels.Job] = ProwJobLabels.Value(spec.Job),
        };
        if (spec.Context is { Length: > 0 } context)
        {
            labels[ProwJobLabels.Context] = ProwJobLabels.Value(context);
        }

        if (spec.MainRefs is { } refs)
        {
            labels[ProwJobLabels.Org] = ProwJobLabels.Value(refs.Org);
            labels[ProwJobLabels.Repo] = ProwJobLabels.Value(refs.Repo);
            labels[ProwJobLabels.BaseRef] = ProwJobLabels.Value(refs.BaseRef);
            if (refs.Pulls.Count > 0)
            {
                labels[ProwJobLabels.Pull] = refs.Pulls[0].Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return labels;
    }

    private static ProwJob Build(string id, ConfigSnapshot config, JobBase job, ProwJobSpec spec, Dictionary<string, string> labels, DateTimeOffset now)
    {
        // The job's own annotations, then Prow's, as pjutil.NewProwJob merges them.
        var annotations = new Dictionary<string, string>(job.Annotations, StringComparer.Ordinal) { [ProwJobLabels.Job] = spec.Job };
        if (spec.Context is { Length: > 0 } context)
        {
            annotations[ProwJobLabels.Context] = context;
        }

        return new ProwJob
        {
            Metadata = new ProwJobMetadata { Name = id, Namespace = config.Prow.ProwJobNamespace, CreationTimestamp = now, Labels = labels, Annotations = annotations },
            Spec = spec,
            Status = new ProwJobStatus { StartTime = now, State = ProwJobState.Triggered, Description = "Job triggered." },
        };
    }
}
