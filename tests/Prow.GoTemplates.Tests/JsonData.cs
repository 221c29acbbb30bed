using System.Text.Json;

namespace Prow.GoTemplates.Tests;

/// <summary>JSON as Go's decoder gives it to a template: objects are maps, arrays slices, numbers int or float64.</summary>
internal static class JsonData
{
    public static object? From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => From(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(From).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText().AsSpan().IndexOfAny(".eE") >= 0 ? element.GetDouble() : (object)element.GetInt64(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
