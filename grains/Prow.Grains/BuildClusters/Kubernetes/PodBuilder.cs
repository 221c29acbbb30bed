using System.Text.Json;
using System.Text.Json.Nodes;
using Prow.Clients.Kubernetes.Models;
using Prow.Grains.ProwJobs;

namespace Prow.Grains.BuildClusters.Kubernetes;

/// <summary>
/// A ProwJob as the Pod Prow's plank would create: named after the job id, Prow's labels and annotations, the job's
/// pod spec with Prow's job environment in every container, restartPolicy Never, and decoration when asked.
/// </summary>
public static class PodBuilder
{
    public const string IdLabel = "prow.k8s.io/id";
    public const string BuildIdLabel = "prow.k8s.io/build-id";

    /// <summary>The selector for every pod Prow made.</summary>
    public const string Selector = ProwJobLabels.CreatedByProw + "=true";

    public static Pod Build(ProwJob job, KubernetesBuildClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(options);
        if (job.Spec.PodSpec is not { ValueKind: JsonValueKind.Object } podSpec || JsonNode.Parse(podSpec.GetRawText()) is not JsonObject spec
            || spec["containers"] is not JsonArray { Count: > 0 } containers)
        {
            throw new ArgumentException($"ProwJob {job.Id} ({job.Spec.Job}) has no pod spec with a container to run.");
        }

        spec["restartPolicy"] = "Never";
        var env = LocalJobRequest.JobEnvironment(job).Select(e => (JsonNode)new JsonObject { ["name"] = e.Name, ["value"] = e.Value }).ToList();
        var index = 0;
        foreach (var container in containers.Select(c => c!.AsObject()))
        {
            // Kubernetes requires container names; Prow's job configs may leave them out ("test" is Prow's).
            container["name"] ??= index == 0 ? "test" : $"test-{index}";
            index++;
            var existing = container["env"]?.DeepClone().AsArray() ?? [];
            foreach (var e in env)
            {
                existing.Add(e.DeepClone());
            }

            container["env"] = existing;
        }

        if (job.Spec.DecorationConfig is { } decoration)
        {
            var grace = LocalJobRequest.Duration(decoration, "grace_period") ?? TimeSpan.FromSeconds(15);
            PodDecoration.Apply(spec, job, LocalJobRequest.Duration(decoration, "timeout"), grace, options.GitBaseUrl, options.CloneImage, LocalJobRequest.SkipCloning(decoration));
        }

        var labels = new Dictionary<string, string>(job.Metadata.Labels, StringComparer.Ordinal)
        {
            [ProwJobLabels.CreatedByProw] = "true",
            [IdLabel] = job.Id,
            [BuildIdLabel] = job.Status.BuildId ?? "",
        };
        return new Pod
        {
            Metadata = new ObjectMeta
            {
                Name = job.Id,
                Namespace = NamespaceOf(job, options),
                Labels = labels,
                Annotations = new Dictionary<string, string>(job.Metadata.Annotations, StringComparer.Ordinal),
            },
            Spec = spec,
        };
    }

    public static string NamespaceOf(ProwJob job, KubernetesBuildClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrEmpty(job.Spec.Namespace) ? options.Namespace : job.Spec.Namespace;
    }

    /// <summary>The container whose log is the build log: the test container (decorated or not, the first).</summary>
    public static string TestContainer(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.Spec?["containers"]?[0]?["name"]?.GetValue<string>() ?? "test";
    }
}
