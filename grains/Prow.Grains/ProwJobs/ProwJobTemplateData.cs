namespace Prow.Grains.ProwJobs;

/// <summary>
/// A ProwJob as Prow's Go templates see it (<c>plank.job_url_template</c>, <c>report_templates</c>, Slack's
/// <c>report_template</c>): Go's field names (<c>.Status.URL</c>, <c>.Spec.Refs.BaseSHA</c>), ObjectMeta's fields
/// promoted (<c>.Name</c>), and a job without refs has a nil <c>.Spec.Refs</c>, as in Prow.
/// </summary>
public static class ProwJobTemplateData
{
    public static Job For(ProwJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var meta = new ObjectMeta(job.Metadata.Name, job.Metadata.Namespace, job.Metadata.Labels, job.Metadata.Annotations, job.Metadata.CreationTimestamp);
        var spec = new Spec(
            job.Spec.Type, job.Spec.Agent, job.Spec.Cluster, job.Spec.Namespace ?? "", job.Spec.Job,
            job.Spec.Refs is { } refs ? RefsOf(refs) : null, [.. job.Spec.ExtraRefs.Select(RefsOf)],
            job.Spec.Report, job.Spec.Context ?? "", job.Spec.RerunCommand ?? "", job.Spec.MaxConcurrency, job.Spec.JobQueueName ?? "", job.Spec.Hidden);
        var s = job.Status;
        var status = new Status(s.StartTime, s.PendingTime, s.CompletionTime, s.State, s.Description ?? "", s.Url ?? "", s.PodName ?? "", s.BuildId ?? "", s.PrevReportStates);
        return new Job(job.Kind, job.ApiVersion, meta, spec, status);
    }

    private static Refs RefsOf(ProwJobRefs r) => new(
        r.Org, r.Repo, r.RepoLink ?? "", r.BaseRef, r.BaseSha ?? "", r.BaseLink ?? "",
        [.. r.Pulls.Select(p => new Pull(p.Number, p.Author, p.Sha, p.Title ?? "", p.Ref ?? "", p.Link ?? "", p.CommitLink ?? "", p.AuthorLink ?? ""))],
        r.PathAlias ?? "", r.Workdir, r.CloneUri ?? "", r.SkipSubmodules, r.CloneDepth);

    /// <summary>Prow's <c>ProwJob</c>: TypeMeta and ObjectMeta are embedded in Go, so their fields read from the top.</summary>
    public sealed record Job(string Kind, string APIVersion, ObjectMeta ObjectMeta, Spec Spec, Status Status)
    {
        public string Name => ObjectMeta.Name;
        public string Namespace => ObjectMeta.Namespace;
        public IReadOnlyDictionary<string, string> Labels => ObjectMeta.Labels;
        public IReadOnlyDictionary<string, string> Annotations => ObjectMeta.Annotations;
        public DateTimeOffset CreationTimestamp => ObjectMeta.CreationTimestamp;
    }

    public sealed record ObjectMeta(string Name, string Namespace, IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> Annotations, DateTimeOffset CreationTimestamp);

    public sealed record Spec(
        string Type, string Agent, string Cluster, string Namespace, string Job, Refs? Refs, IReadOnlyList<Refs> ExtraRefs,
        bool Report, string Context, string RerunCommand, int MaxConcurrency, string JobQueueName, bool Hidden);

    public sealed record Refs(
        string Org, string Repo, string RepoLink, string BaseRef, string BaseSHA, string BaseLink, IReadOnlyList<Pull> Pulls,
        string PathAlias, bool WorkDir, string CloneURI, bool SkipSubmodules, int CloneDepth);

    public sealed record Pull(int Number, string Author, string SHA, string Title, string Ref, string Link, string CommitLink, string AuthorLink);

    public sealed record Status(
        DateTimeOffset StartTime, DateTimeOffset? PendingTime, DateTimeOffset? CompletionTime, string State, string Description,
        string URL, string PodName, string BuildID, IReadOnlyDictionary<string, string> PrevReportStates);
}
