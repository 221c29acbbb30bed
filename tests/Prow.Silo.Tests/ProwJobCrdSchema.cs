using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Prow.Silo.Tests;

/// <summary>
/// Prow's ProwJob CRD (<c>testdata/prowjob-crd/</c>, copied from kubernetes-sigs/prow) as a JSON schema: its
/// <c>openAPIV3Schema</c>, turned from YAML into JSON, checked by JsonSchema.Net. OpenAPI's structural schema is a
/// subset of JSON Schema here (<c>type</c>, <c>properties</c>, <c>items</c>, <c>required</c>, <c>enum</c>, <c>anyOf</c>), and a
/// property without <c>nullable: true</c> refuses null, as the Kubernetes API server does.
/// </summary>
internal static class ProwJobCrdSchema
{
    private static readonly Lazy<JsonSchema> s_schema = new(Load);

    /// <summary>Every violation as <c>instance location: message</c>; empty when the ProwJob is valid.</summary>
    public static IReadOnlyList<string> Violations(JsonElement prowJob)
    {
        var results = s_schema.Value.Evaluate(prowJob, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))];
    }

    /// <summary>A YAML document as JSON, scalars typed as YAML's core schema reads them (a plain <c>true</c> is a boolean).</summary>
    public static JsonNode? YamlToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return ToJson(stream.Documents[0].RootNode);
    }

    private static JsonSchema Load()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "testdata", "prowjob-crd", "prowjob_customresourcedefinition.yaml"))));
        var crd = ToJson(yaml.Documents[0].RootNode)!;
        var schema = crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!;
        return JsonSchema.FromText(schema.ToJsonString());
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        // Kubernetes' own x-kubernetes-* markers are not JSON Schema: int-or-string sits beside an anyOf that says the
        // same, and preserve-unknown-fields beside an object with no properties, which takes anything already.
        YamlMappingNode mapping => new JsonObject(mapping.Children
            .Where(c => !((YamlScalarNode)c.Key).Value!.StartsWith("x-kubernetes-", StringComparison.Ordinal))
            .Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new FormatException($"unexpected YAML node {node.NodeType}"),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            "null" or "~" or "" => null,
            _ when long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            _ => JsonValue.Create(text),
        };
    }
}
