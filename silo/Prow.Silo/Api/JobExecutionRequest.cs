using System.Globalization;
using System.Text.Json;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Grains.ProwJobs;

namespace Prow.Silo.Api;

/// <summary>
/// Gangway's <c>CreateJobExecutionRequest</c> as JSON: <c>job_name</c>, <c>job_execution_type</c>, <c>refs</c> and
/// <c>pod_spec_options</c> (<c>envs</c>, <c>labels</c>, <c>annotations</c>). Field names are read as protobuf's JSON
/// mapping reads them, in their proto form or lowerCamelCase; the type as its enum name or number.
/// </summary>
internal sealed record JobExecutionRequest(string JobName, string Type, JobStartRequest Start)
{
    /// <summary>The request in <paramref name="body"/>; a <see cref="JobStartException"/> names the field that is wrong.</summary>
    public static JobExecutionRequest Parse(JsonElement body, string requestedBy)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new JobStartException("the body must be a JSON object (gangway's CreateJobExecutionRequest)");
        }

        var jobName = String(body, "job_name", "jobName") is { Length: > 0 } name ? name : throw new JobStartException("job_name field cannot be empty");
        var typeText = Field(body, "job_execution_type", "jobExecutionType") is { } typeField
            ? typeField.ValueKind == JsonValueKind.Number ? typeField.GetRawText() : typeField.ValueKind == JsonValueKind.String ? typeField.GetString()! : null
            : null;
        var type = typeText is null ? null : JobExecutionType.ProwJobTypeOf(typeText);
        if (type is null)
        {
            throw new JobStartException($"job_execution_type must be PERIODIC, POSTSUBMIT or PRESUBMIT (got {(typeText is null ? "none" : $"\"{typeText}\"")})");
        }

        var refs = Field(body, "refs");
        if (type == ProwJobType.Periodic && refs is { ValueKind: not JsonValueKind.Null })
        {
            throw new JobStartException("periodic jobs cannot also have refs");
        }

        var options = Field(body, "pod_spec_options", "podSpecOptions");
        return new JobExecutionRequest(jobName, type, new JobStartRequest
        {
            Org = refs is { } r ? String(r, "org") : null,
            Repo = refs is { } r2 ? String(r2, "repo") : null,
            BaseRef = refs is { } r3 ? String(r3, "base_ref", "baseRef") : null,
            BaseSha = refs is { } r4 ? String(r4, "base_sha", "baseSha") : null,
            Pulls = refs is { } r5 && Field(r5, "pulls") is { ValueKind: JsonValueKind.Array } pulls ? [.. pulls.EnumerateArray().Select(Pull)] : [],
            Env = Map(options, "envs"),
            Labels = Map(options, "labels"),
            Annotations = Map(options, "annotations"),
            RequestedBy = requestedBy,
        });
    }

    /// <summary>The request as JSON in gangway's field names, as <c>prow mkpj --create</c> sends it.</summary>
    public static Dictionary<string, object?> ToJson(string jobName, string type, JobStartRequest start) => new()
    {
        ["job_name"] = jobName,
        ["job_execution_type"] = JobExecutionType.NameOf(type),
        ["refs"] = type == ProwJobType.Periodic ? null : new Dictionary<string, object?>
        {
            ["org"] = start.Org,
            ["repo"] = start.Repo,
            ["base_ref"] = start.BaseRef,
            ["base_sha"] = start.BaseSha,
            ["pulls"] = start.Pulls.Select(p => new Dictionary<string, object?> { ["number"] = p.Number, ["author"] = p.Author, ["sha"] = p.Sha }).ToList(),
        },
        ["pod_spec_options"] = new Dictionary<string, object?> { ["envs"] = start.Env, ["labels"] = start.Labels, ["annotations"] = start.Annotations },
    };

    private static ProwJobPull Pull(JsonElement pull)
    {
        if (pull.ValueKind != JsonValueKind.Object)
        {
            throw new JobStartException("refs.pulls holds objects with number, author and sha");
        }

        var number = Field(pull, "number") switch
        {
            { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out var value) => value,
            { ValueKind: JsonValueKind.String } s when int.TryParse(s.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) => value,
            null => 0,
            var other => throw new JobStartException($"refs.pulls[].number must be a number (got {other.Value.GetRawText()})"),
        };
        var author = String(pull, "author") ?? "";
        return new ProwJobPull { Number = number, Author = author, Sha = String(pull, "sha") ?? "", Ref = String(pull, "ref"), Title = String(pull, "title") };
    }

    private static Dictionary<string, string> Map(JsonElement? parent, string name)
    {
        if (parent is not { ValueKind: JsonValueKind.Object } p || Field(p, name) is not { } map || map.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (map.ValueKind != JsonValueKind.Object)
        {
            throw new JobStartException($"pod_spec_options.{name} must be an object of names to strings");
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in map.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String || entry.Name.Length == 0 || entry.Value.GetString()!.Length == 0)
            {
                throw new JobStartException($"invalid pod_spec_options.{name} key/value pair: \"{entry.Name}\", {entry.Value.GetRawText()}");
            }

            result[entry.Name] = entry.Value.GetString()!;
        }

        return result;
    }

    private static string? String(JsonElement parent, params string[] names) => Field(parent, names) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        null or { ValueKind: JsonValueKind.Null } => null,
        var other => throw new JobStartException($"{names[0]} must be a string (got {other.Value.GetRawText()})"),
    };

    private static JsonElement? Field(JsonElement parent, params string[] names)
    {
        foreach (var name in names)
        {
            if (parent.TryGetProperty(name, out var value))
            {
                return value;
            }
        }

        return null;
    }
}
