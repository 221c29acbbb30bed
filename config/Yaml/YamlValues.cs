using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Prow.Config.Yaml;

/// <summary>Small helpers over YamlDotNet nodes: null detection, lines, merge keys, raw conversion.</summary>
internal static class YamlValues
{
    public static int Line(YamlNode node) => (int)Math.Max(1, node.Start.Line);

    public static bool IsNull(YamlNode? node) =>
        node is null || (node is YamlScalarNode s && s.Style == ScalarStyle.Plain && s.Tag.IsEmpty &&
            (s.Value is null or "" or "~" or "null" or "Null" or "NULL"));

    public static bool IsPlain(YamlScalarNode s) => s.Style == ScalarStyle.Plain;

    /// <summary>Mapping entries with YAML merge keys (<c>&lt;&lt;: *anchor</c>) applied; explicit keys win.</summary>
    public static List<KeyValuePair<YamlScalarNode, YamlNode>> Entries(YamlMappingNode map)
    {
        if (!HasMergeKey(map))
        {
            // Fast path: YamlDotNet already rejects duplicate keys, so the children are the entries.
            var plain = new List<KeyValuePair<YamlScalarNode, YamlNode>>(map.Children.Count);
            foreach (var (key, value) in map.Children)
            {
                if (key is YamlScalarNode k)
                {
                    plain.Add(new(k, value));
                }
            }

            return plain;
        }

        var result = new List<KeyValuePair<YamlScalarNode, YamlNode>>(map.Children.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        List<YamlMappingNode>? merges = null;
        foreach (var (key, value) in map.Children)
        {
            if (key is not YamlScalarNode k)
            {
                continue;
            }

            if (k.Value == "<<" && k.Style == ScalarStyle.Plain)
            {
                merges ??= [];
                if (value is YamlMappingNode m)
                {
                    merges.Add(m);
                }
                else if (value is YamlSequenceNode seq)
                {
                    merges.AddRange(seq.Children.OfType<YamlMappingNode>());
                }

                continue;
            }

            if (seen.Add(k.Value ?? ""))
            {
                result.Add(new(k, value));
            }
        }

        // Earlier merge sources win over later ones, as the YAML merge spec says.
        foreach (var m in merges ?? [])
        {
            foreach (var entry in Entries(m))
            {
                if (seen.Add(entry.Key.Value ?? ""))
                {
                    result.Add(entry);
                }
            }
        }

        return result;
    }

    private static bool HasMergeKey(YamlMappingNode map)
    {
        foreach (var key in map.Children.Keys)
        {
            if (key is YamlScalarNode { Value: "<<", Style: ScalarStyle.Plain })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Converts a node to plain data: string, null, List, or ordered Dictionary.</summary>
    public static object? ToRaw(YamlNode? node) => node switch
    {
        null => null,
        YamlScalarNode s => IsNull(s) ? null : s.Value,
        YamlSequenceNode seq => seq.Children.Select(ToRaw).ToList(),
        YamlMappingNode map => ToRawMap(map),
        _ => null,
    };

    public static Dictionary<string, object?> ToRawMap(YamlMappingNode map)
    {
        var d = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in Entries(map))
        {
            d[k.Value ?? ""] = ToRaw(v);
        }

        return d;
    }

    /// <summary>Structural equality of raw data from <see cref="ToRaw"/>.</summary>
    public static bool RawEquals(object? a, object? b) => (a, b) switch
    {
        (IReadOnlyDictionary<string, object?> x, IReadOnlyDictionary<string, object?> y) =>
            x.Count == y.Count && x.All(kv => y.TryGetValue(kv.Key, out var v) && RawEquals(kv.Value, v)),
        (IReadOnlyList<object?> x, IReadOnlyList<object?> y) => x.Count == y.Count && x.Zip(y).All(p => RawEquals(p.First, p.Second)),
        _ => Equals(a, b),
    };

    public static string Kind(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when s.Style != ScalarStyle.Plain => "a string",
        _ => "a scalar",
    };
}
