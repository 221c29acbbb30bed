using System.Text.Json;

namespace Prow.Storage.Tests;

public enum SampleKind
{
    None,
    Periodic,
    Presubmit,
}

/// <summary>A state shaped like the grains' own: an enum, a list, a map and JSON kept as it came.</summary>
public sealed record SampleState
{
    public string Name { get; init; } = "";

    public SampleKind Kind { get; init; }

    public List<int> Numbers { get; init; } = [];

    public Dictionary<string, string> Labels { get; init; } = [];

    public JsonElement Spec { get; init; } = Json("{}");

    public JsonElement? Decoration { get; init; }

    public static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
