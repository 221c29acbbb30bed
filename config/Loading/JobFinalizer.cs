using Prow.Config.Components;
using Prow.Config.Jobs;
using Prow.Config.Yaml;

namespace Prow.Config.Loading;

/// <summary>Applies Prow's job defaults, decoration defaults and presets (finalizeJobConfig), reporting preset conflicts.</summary>
internal sealed class JobFinalizer(ProwConfig prow, IReadOnlyList<Preset> presets, ProblemSink sink)
{
    public Presubmit Finalize(Presubmit job, string repo)
    {
        var j = DefaultBase(job, repo);
        if (j.Context.Length == 0)
        {
            j = j with { Context = j.Name };
        }

        // Prow only fills both when neither is set; one without the other is a validation error.
        if (j.Trigger.Length == 0 && j.RerunCommand.Length == 0)
        {
            j = j with { Trigger = JobDefaults.DefaultTriggerFor(j.Name), RerunCommand = JobDefaults.DefaultRerunCommandFor(j.Name) };
        }

        return j;
    }

    public Postsubmit Finalize(Postsubmit job, string repo)
    {
        var j = DefaultBase(job, repo);
        return j.Context.Length == 0 ? j with { Context = j.Name } : j;
    }

    public Periodic Finalize(Periodic job)
    {
        // Periodics take their decoration defaults from the first extra ref's repository.
        var repo = job.ExtraRefs.Count > 0 ? $"{job.ExtraRefs[0].Org}/{job.ExtraRefs[0].Repo}" : "";
        return DefaultBase(job, repo);
    }

    private T DefaultBase<T>(T job, string repo)
        where T : JobBase
    {
        var j = job with
        {
            Agent = job.Agent.Length == 0 ? JobDefaults.KubernetesAgent : job.Agent,
            Namespace = string.IsNullOrEmpty(job.Namespace) ? prow.PodNamespace : job.Namespace,
            Cluster = job.Cluster.Length == 0 ? JobDefaults.DefaultCluster : job.Cluster,
            Decorated = job.Decorate ?? prow.DecorateAllJobs,
        };
        if (j.Decorated)
        {
            var defaults = prow.Plank.DecorationDefaultsFor(repo, j.Cluster);
            j = j with { DecorationConfig = j.DecorationConfig?.ApplyDefault(defaults) ?? defaults };
        }

        return j.Spec is null ? j : j with { Spec = ApplyPresets(j) };
    }

    private PodSpec ApplyPresets(JobBase job)
    {
        var spec = job.Spec!;
        foreach (var preset in presets)
        {
            if (!preset.AppliesTo(job.Labels))
            {
                continue;
            }

            var error = Conflict(preset, spec);
            if (error is not null)
            {
                var at = preset.Source.File.Length > 0 ? $" (preset at {preset.Source.File}:{preset.Source.Line})" : "";
                sink.Error(job.Source.File, job.Source.LineOf("labels"), JobValidator.FieldOf(job, "labels"), error + at);
                continue;
            }

            spec = spec with
            {
                Containers = spec.Containers.Select(c => c with
                {
                    Env = [.. c.Env, .. preset.Env],
                    VolumeMounts = [.. c.VolumeMounts, .. preset.VolumeMounts],
                }).ToList(),
                Volumes = [.. spec.Volumes, .. preset.Volumes],
                Tolerations = [.. spec.Tolerations, .. preset.Tolerations],
            };
        }

        return spec;
    }

    // Same names as Prow's mergePreset errors.
    private static string? Conflict(Preset preset, PodSpec spec)
    {
        foreach (var e in preset.Env)
        {
            if (spec.Containers.Any(c => c.Env.Any(x => x.Name == e.Name)))
            {
                return $"env var duplicated in pod spec: {e.Name}";
            }
        }

        foreach (var v in preset.Volumes)
        {
            if (spec.Volumes.Any(x => x.Name == v.Name))
            {
                return $"volume duplicated in pod spec: {v.Name}";
            }
        }

        foreach (var m in preset.VolumeMounts)
        {
            if (spec.Containers.Any(c => c.VolumeMounts.Any(x => x.Name == m.Name)))
            {
                return $"volume mount duplicated in pod spec: {m.Name}";
            }
        }

        foreach (var t in preset.Tolerations)
        {
            if (spec.Tolerations.Any(x => YamlValues.RawEquals(x, t)))
            {
                return "toleration duplicated in pod spec";
            }
        }

        return null;
    }
}
