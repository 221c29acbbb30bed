using System.Text.Json;
using System.Text.Json.Nodes;
using Prow.Config.Jobs;

namespace Prow.Grains.ProwJobs;

/// <summary>A job config's pod spec as the Kubernetes JSON a ProwJob carries (camelCase, unmodelled fields kept).</summary>
public static class PodSpecJson
{
    public static JsonElement From(PodSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var json = Extra(spec.Extra);
        json["containers"] = new JsonArray([.. spec.Containers.Select(Container)]);
        if (spec.InitContainers.Count > 0)
        {
            json["initContainers"] = new JsonArray([.. spec.InitContainers.Select(Container)]);
        }

        if (spec.ServiceAccountName is { } account)
        {
            json["serviceAccountName"] = account;
        }

        if (spec.NodeSelector.Count > 0)
        {
            json["nodeSelector"] = JsonSerializer.SerializeToNode(spec.NodeSelector);
        }

        if (spec.Tolerations.Count > 0)
        {
            json["tolerations"] = JsonSerializer.SerializeToNode(spec.Tolerations);
        }

        if (spec.Volumes.Count > 0)
        {
            json["volumes"] = JsonSerializer.SerializeToNode(spec.Volumes, s_camel);
        }

        return JsonSerializer.SerializeToElement(json);
    }

    /// <summary>A decoration config as Prow writes it (snake_case, as in the YAML).</summary>
    public static JsonElement From(DecorationConfig decoration)
    {
        ArgumentNullException.ThrowIfNull(decoration);
        return JsonSerializer.SerializeToElement(decoration.Raw);
    }

    private static readonly JsonSerializerOptions s_camel = new(JsonSerializerDefaults.Web);

    private static JsonObject Container(Container container)
    {
        // Always written, empty or not, as Go writes Container.Name (no omitempty): the CRD requires the field.
        var json = Extra(container.Extra);
        json["name"] = container.Name;

        json["image"] = container.Image;
        if (container.Command.Count > 0)
        {
            json["command"] = new JsonArray([.. container.Command.Select(c => (JsonNode?)c)]);
        }

        if (container.Args.Count > 0)
        {
            json["args"] = new JsonArray([.. container.Args.Select(a => (JsonNode?)a)]);
        }

        if (container.WorkingDir is { } workingDir)
        {
            json["workingDir"] = workingDir;
        }

        if (container.Env.Count > 0)
        {
            json["env"] = new JsonArray([.. container.Env.Select(e => (JsonNode)new JsonObject
            {
                ["name"] = e.Name,
                [e.ValueFrom is null ? "value" : "valueFrom"] = e.ValueFrom is null ? e.Value : JsonSerializer.SerializeToNode(e.ValueFrom),
            })]);
        }

        if (container.VolumeMounts.Count > 0)
        {
            json["volumeMounts"] = JsonSerializer.SerializeToNode(container.VolumeMounts, s_camel);
        }

        if (container.Resources is { } resources)
        {
            json["resources"] = JsonSerializer.SerializeToNode(resources);
        }

        if (container.SecurityContext is { } securityContext)
        {
            json["securityContext"] = JsonSerializer.SerializeToNode(securityContext);
        }

        return json;
    }

    private static JsonObject Extra(IReadOnlyDictionary<string, object?> extra) =>
        JsonSerializer.SerializeToNode(extra) as JsonObject ?? [];
}
