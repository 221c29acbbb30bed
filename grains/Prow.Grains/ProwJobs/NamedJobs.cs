using System.Text.Json;
using System.Text.Json.Nodes;
using Prow.Config;
using Prow.Config.Jobs;

namespace Prow.Grains.ProwJobs;

/// <summary>
/// Jobs started by name, as Prow's <c>mkpj</c> and gangway start them: the job is looked up in the configuration,
/// its ProwJob built by <see cref="ProwJobFactory"/> on the refs the caller gives, then the caller's environment
/// variables, labels and annotations are laid over it.
/// </summary>
public static class NamedJobs
{
    /// <summary>
    /// The job named <paramref name="name"/> of any kind, as mkpj looks: presubmits first, then postsubmits, then
    /// periodics. Null when no job has that name.
    /// </summary>
    public static NamedJob? Find(JobConfig jobs, string name)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        foreach (var (orgRepo, presubmits) in jobs.Presubmits.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (presubmits.FirstOrDefault(p => p.Name == name) is { } presubmit && Split(orgRepo) is { } at)
            {
                return new NamedJob(ProwJobType.Presubmit, presubmit, at.Org, at.Repo);
            }
        }

        foreach (var (orgRepo, postsubmits) in jobs.Postsubmits.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (postsubmits.FirstOrDefault(p => p.Name == name) is { } postsubmit && Split(orgRepo) is { } at)
            {
                return new NamedJob(ProwJobType.Postsubmit, postsubmit, at.Org, at.Repo);
            }
        }

        return jobs.PeriodicNamed(name) is { } periodic ? new NamedJob(ProwJobType.Periodic, periodic, null, null) : null;
    }

    /// <summary>
    /// The job of kind <paramref name="type"/> named <paramref name="name"/> that could run on the request's repository
    /// and base branch (gangway's lookup); a <see cref="JobStartException"/> says why there is none, or more than one.
    /// </summary>
    public static NamedJob Find(JobConfig jobs, string type, string name, JobStartRequest request)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(request);
        if (type == ProwJobType.Periodic)
        {
            return jobs.PeriodicNamed(name) is { } periodic
                ? new NamedJob(ProwJobType.Periodic, periodic, null, null)
                : throw new JobStartException($"there is no periodic job \"{name}\"");
        }

        RequireRefs(type, request);
        var orgRepo = $"{request.Org}/{request.Repo}";
        JobBase[] matches = type switch
        {
            ProwJobType.Presubmit => [.. jobs.PresubmitsFor(orgRepo).Where(p => p.Name == name && p.CouldRun(request.BaseRef!))],
            ProwJobType.Postsubmit => [.. jobs.PostsubmitsFor(orgRepo).Where(p => p.Name == name && p.CouldRun(request.BaseRef!))],
            _ => throw new JobStartException($"a job is started as periodic, postsubmit or presubmit, not as \"{type}\""),
        };
        return matches switch
        {
            [var job] => new NamedJob(type, job, request.Org, request.Repo),
            [] => throw new JobStartException($"there is no {type} job \"{name}\" for {orgRepo} that runs on branch \"{request.BaseRef}\""),
            _ => throw new JobStartException($"{matches.Length} {type} jobs named \"{name}\" run on branch \"{request.BaseRef}\" of {orgRepo}"),
        };
    }

    /// <summary>The ProwJob for <paramref name="found"/> on the request's refs, as triggered now.</summary>
    public static ProwJob Build(ConfigSnapshot config, NamedJob found, JobStartRequest request, string id, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(request);
        var job = found.Type switch
        {
            ProwJobType.Periodic => ProwJobFactory.Periodic(config, (Periodic)found.Job, id, now),
            ProwJobType.Postsubmit => Postsubmit(config, (Postsubmit)found.Job, request, id, now),
            _ => Presubmit(config, (Presubmit)found.Job, request, id, now),
        };
        return Overlay(job, request);
    }

    private static ProwJob Postsubmit(ConfigSnapshot config, Postsubmit job, JobStartRequest request, string id, DateTimeOffset now)
    {
        RequireRefs(ProwJobType.Postsubmit, request);
        return ProwJobFactory.Postsubmit(config, job, request.Org!, request.Repo!, request.BaseRef!, request.BaseSha!, id, now);
    }

    private static ProwJob Presubmit(ConfigSnapshot config, Presubmit job, JobStartRequest request, string id, DateTimeOffset now)
    {
        RequireRefs(ProwJobType.Presubmit, request);
        var pull = request.Pulls[0];
        var built = ProwJobFactory.Presubmit(
            config,
            job,
            new ProwJobRequest(job.Name, ProwJobType.Presubmit, job.Context, request.Org!, request.Repo!, request.BaseRef!, request.BaseSha, pull.Number, pull.Sha, pull.Author, request.RequestedBy, "by name", now),
            id,
            now);
        return request.Pulls.Count == 1
            ? built
            : built with { Spec = built.Spec with { Refs = built.Spec.Refs! with { Pulls = request.Pulls } } };
    }

    private static void RequireRefs(string type, JobStartRequest request)
    {
        string[] missing =
        [
            .. string.IsNullOrEmpty(request.Org) ? ["org"] : Array.Empty<string>(),
            .. string.IsNullOrEmpty(request.Repo) ? ["repo"] : Array.Empty<string>(),
            .. string.IsNullOrEmpty(request.BaseRef) ? ["base_ref"] : Array.Empty<string>(),
            .. string.IsNullOrEmpty(request.BaseSha) ? ["base_sha"] : Array.Empty<string>(),
        ];
        if (missing.Length > 0)
        {
            throw new JobStartException($"a {type} job needs refs with {string.Join(", ", missing)}");
        }

        if (type != ProwJobType.Presubmit)
        {
            return;
        }

        if (request.Pulls.Count == 0)
        {
            throw new JobStartException("a presubmit job needs at least one pull request in refs.pulls");
        }

        foreach (var pull in request.Pulls)
        {
            if (pull.Number <= 0 || string.IsNullOrEmpty(pull.Sha))
            {
                throw new JobStartException($"each pull request needs its number and sha (got number {pull.Number}, sha \"{pull.Sha}\")");
            }
        }
    }

    private static ProwJob Overlay(ProwJob job, JobStartRequest request)
    {
        foreach (var (name, value) in request.Env)
        {
            if (name.Length == 0 || value.Length == 0)
            {
                throw new JobStartException($"an environment variable needs a name and a value (got \"{name}\"=\"{value}\")");
            }
        }

        var labels = new Dictionary<string, string>(job.Metadata.Labels, StringComparer.Ordinal);
        foreach (var (name, value) in request.Labels)
        {
            labels[name] = value;
        }

        var annotations = new Dictionary<string, string>(job.Metadata.Annotations, StringComparer.Ordinal);
        foreach (var (name, value) in request.Annotations)
        {
            annotations[name] = value;
        }

        return job with
        {
            Metadata = job.Metadata with { Labels = labels, Annotations = annotations },
            Spec = request.Env.Count == 0 || job.Spec.PodSpec is not { } podSpec ? job.Spec : job.Spec with { PodSpec = WithEnv(podSpec, request.Env) },
        };
    }

    /// <summary>Every container gets the variables; one it already has of the same name takes the new value.</summary>
    private static JsonElement WithEnv(JsonElement podSpec, IReadOnlyDictionary<string, string> env)
    {
        var spec = JsonNode.Parse(podSpec.GetRawText())!.AsObject();
        if (spec["containers"] is JsonArray containers)
        {
            foreach (var container in containers.OfType<JsonObject>())
            {
                if (container["env"] is not JsonArray list)
                {
                    list = [];
                    container["env"] = list;
                }

                foreach (var (name, value) in env.OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    var existing = list.OfType<JsonObject>().FirstOrDefault(e => e["name"]?.GetValue<string>() == name);
                    if (existing is not null)
                    {
                        existing.Remove("valueFrom");
                        existing["value"] = value;
                    }
                    else
                    {
                        list.Add(new JsonObject { ["name"] = name, ["value"] = value });
                    }
                }
            }
        }

        return JsonSerializer.SerializeToElement(spec);
    }

    private static (string Org, string Repo)? Split(string orgRepo) =>
        orgRepo.IndexOf('/', StringComparison.Ordinal) is var slash and > 0 ? (orgRepo[..slash], orgRepo[(slash + 1)..]) : null;
}
