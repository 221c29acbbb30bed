using System.Globalization;
using System.Text.Json;
using Prow.Config;
using Prow.Grains.BuildClusters.Local;
using Prow.Services.Artifacts;

namespace Prow.Grains.BuildClusters;

/// <summary>A ProwJob as a local run: its first container's command, Prow's job environment, and its refs to clone.</summary>
public static class LocalJobRequest
{
    public static LocalRunRequest From(ProwJob job, LocalBuildClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(options);
        var container = job.Spec.PodSpec is { } podSpec && podSpec.TryGetProperty("containers", out var containers) && containers.GetArrayLength() > 0
            ? containers[0]
            : default;
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        if (container.ValueKind == JsonValueKind.Object && container.TryGetProperty("env", out var envs))
        {
            foreach (var e in envs.EnumerateArray())
            {
                if (e.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
                {
                    env[e.GetProperty("name").GetString()!] = value.GetString()!;
                }
            }
        }

        foreach (var (name, value) in JobEnvironment(job))
        {
            env[name] = value;
        }

        var decoration = job.Spec.DecorationConfig;
        var refs = SkipCloning(decoration) ? []
            : job.Spec.Refs is { } main ? job.Spec.ExtraRefs.Prepend(main) : job.Spec.ExtraRefs;
        var buildFolder = ArtifactLayout.BuildFolder(job);
        return new LocalRunRequest
        {
            JobId = job.Id,
            BuildId = job.Status.BuildId!,
            JobName = job.Spec.Job,
            JobType = job.Spec.Type,
            Command = Strings(container, "command"),
            Args = Strings(container, "args"),
            Env = env,
            WorkspaceRoot = options.WorkspaceRoot,
            LogPath = Path.Combine(options.WorkspaceRoot, "logs", job.Id, "build-log.txt"),
            // For a remote store the artifacts wait beside the build log until the run's end uploads them.
            ArtifactsDestination = options.UploadArtifactsTo is not null
                ? Path.Combine(options.WorkspaceRoot, "logs", job.Id, "artifacts")
                : options.ArtifactsFolderFor?.Invoke($"{buildFolder}/artifacts"),
            Decorate = decoration is not null,
            Refs = [.. refs.Select(r => new LocalCloneRef
            {
                Org = r.Org,
                Repo = r.Repo,
                BaseRef = r.BaseRef,
                BaseSha = r.BaseSha,
                CloneUri = r.CloneUri,
                PathAlias = r.PathAlias,
                Workdir = r.Workdir,
                Pulls = [.. r.Pulls.Select(p => new LocalPullRef(p.Number, p.Sha, p.Ref))],
            })],
            GitBaseUrl = options.GitBaseUrl,
            Timeout = Duration(decoration, "timeout"),
            GracePeriod = Duration(decoration, "grace_period") ?? LocalRunRequest.DefaultGracePeriod,
        };
    }

    /// <summary>Prow's job environment variables (docs/jobs.md): what the job is, and what to test.</summary>
    public static IEnumerable<(string Name, string Value)> JobEnvironment(ProwJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var refs = job.Spec.MainRefs;
        yield return ("CI", "true");
        yield return ("JOB_NAME", job.Spec.Job);
        yield return ("JOB_TYPE", job.Spec.Type);
        yield return ("BUILD_ID", job.Status.BuildId ?? "");
        yield return ("BUILD_NUMBER", job.Status.BuildId ?? "");
        yield return ("PROW_JOB_ID", job.Id);
        yield return ("JOB_SPEC", JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["type"] = job.Spec.Type,
            ["job"] = job.Spec.Job,
            ["buildid"] = job.Status.BuildId,
            ["prowjobid"] = job.Id,
            ["refs"] = job.Spec.Refs,
            ["extra_refs"] = job.Spec.ExtraRefs.Count > 0 ? job.Spec.ExtraRefs : null,
        }));
        if (refs is null)
        {
            yield break;
        }

        yield return ("REPO_OWNER", refs.Org);
        yield return ("REPO_NAME", refs.Repo);
        yield return ("PULL_BASE_REF", refs.BaseRef);
        yield return ("PULL_BASE_SHA", refs.BaseSha ?? "");
        yield return ("PULL_REFS", refs.ToString());
        if (refs.Pulls is [var pull, ..])
        {
            yield return ("PULL_NUMBER", pull.Number.ToString(CultureInfo.InvariantCulture));
            yield return ("PULL_PULL_SHA", pull.Sha);
        }
    }

    /// <summary>decoration_config.skip_cloning: the job clones nothing (YAML gives a bool or the string "true").</summary>
    internal static bool SkipCloning(JsonElement? decoration) =>
        decoration is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("skip_cloning", out var skip)
        && (skip.ValueKind == JsonValueKind.True || (skip.ValueKind == JsonValueKind.String && bool.TryParse(skip.GetString(), out var value) && value));

    private static IReadOnlyList<string> Strings(JsonElement container, string property) =>
        container.ValueKind == JsonValueKind.Object && container.TryGetProperty(property, out var values) && values.ValueKind == JsonValueKind.Array
            ? [.. values.EnumerateArray().Select(v => v.GetString() ?? "")]
            : [];

    internal static TimeSpan? Duration(JsonElement? decoration, string property) =>
        decoration is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            && GoDuration.TryParseOrNanoseconds(value.GetString()!, out var duration)
            ? duration
            : null;
}
