using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Prow.Config.Yaml;

/// <summary>
/// Typed, line-aware access to one YAML mapping. Every key read is marked used; <see cref="Finish"/>
/// reports the rest as unknown fields, which is how Prow's strict unmarshalling behaves.
/// </summary>
internal sealed class MapReader
{
    // Most mappings are small (an env var, a mount), so keys are scanned; big ones get an index.
    private const int IndexThreshold = 8;
    private readonly List<KeyValuePair<YamlScalarNode, YamlNode>> _entries;
    private readonly bool[] _used;
    private readonly Dictionary<string, int>? _index;

    public MapReader(LoadContext ctx, YamlMappingNode node, string path)
    {
        Ctx = ctx;
        Node = node;
        Path = path;
        _entries = YamlValues.Entries(node);
        _used = new bool[_entries.Count];
        if (_entries.Count > IndexThreshold)
        {
            _index = new Dictionary<string, int>(_entries.Count, StringComparer.Ordinal);
            for (var i = 0; i < _entries.Count; i++)
            {
                _index[_entries[i].Key.Value ?? ""] = i;
            }
        }
    }

    public LoadContext Ctx { get; }

    public YamlMappingNode Node { get; }

    public string Path { get; }

    public int Line => YamlValues.Line(Node);

    public IEnumerable<string> Keys => _entries.Select(e => e.Key.Value ?? "");

    public string FieldPath(string key) => Path.Length == 0 ? key : Path + "." + key;

    public bool Has(string key) => IndexOf(key) >= 0;

    /// <summary>Line of the key, or of the mapping when the key is absent.</summary>
    public int LineOf(string key) => IndexOf(key) is >= 0 and var i ? YamlValues.Line(_entries[i].Key) : Line;

    public YamlNode? Get(string key)
    {
        var i = IndexOf(key);
        if (i < 0)
        {
            return null;
        }

        _used[i] = true;
        return _entries[i].Value;
    }

    /// <summary>Marks keys Prow knows but this model keeps only as raw data.</summary>
    public void Known(params string[] keys)
    {
        foreach (var k in keys)
        {
            if (IndexOf(k) is >= 0 and var i)
            {
                _used[i] = true;
            }
        }
    }

    /// <summary>Marks every key as read, for mappings whose other keys are not Prow's to judge (Kubernetes objects).</summary>
    public void AcceptRest() => Array.Fill(_used, true);

    public string? Str(string key) => Scalar(key, "a string")?.Value;

    public string StrOr(string key, string fallback) => Str(key) ?? fallback;

    public bool? Bool(string key)
    {
        var s = Scalar(key, "a bool");
        if (s is null)
        {
            return null;
        }

        if (YamlValues.IsPlain(s))
        {
            switch (s.Value?.ToUpperInvariant())
            {
                case "TRUE" or "YES" or "ON":
                    return true;
                case "FALSE" or "NO" or "OFF":
                    return false;
            }
        }

        Ctx.Error(s, FieldPath(key), $"expected a bool, got \"{s.Value}\"");
        return null;
    }

    public int? Int(string key)
    {
        var s = Scalar(key, "an integer");
        if (s is null)
        {
            return null;
        }

        if (YamlValues.IsPlain(s) && int.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
        {
            return v;
        }

        Ctx.Error(s, FieldPath(key), $"expected an integer, got \"{s.Value}\"");
        return null;
    }

    /// <summary>Reads a Go duration string such as "1h30m".</summary>
    public TimeSpan? Duration(string key, bool allowNanoseconds = false)
    {
        var s = Scalar(key, "a duration");
        if (s is null)
        {
            return null;
        }

        if (allowNanoseconds ? GoDuration.TryParseOrNanoseconds(s.Value, out var d) : GoDuration.TryParse(s.Value, out d))
        {
            return d;
        }

        Ctx.Error(s, FieldPath(key), $"invalid duration \"{s.Value}\"");
        return null;
    }

    public IReadOnlyList<string> StrList(string key)
    {
        var node = Get(key);
        var items = Ctx.Seq(node, FieldPath(key));
        var list = new List<string>(items.Count);
        foreach (var item in items)
        {
            if (item is YamlScalarNode s)
            {
                list.Add(s.Value ?? "");
            }
            else
            {
                Ctx.Error(item, FieldPath(key), $"expected a string, got {YamlValues.Kind(item)}");
            }
        }

        return list;
    }

    public IReadOnlyDictionary<string, string> StrMap(string key)
    {
        var m = Ctx.Map(Get(key), FieldPath(key));
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        if (m is null)
        {
            return d;
        }

        foreach (var k in m.Keys.ToList())
        {
            d[k] = m.Str(k) ?? "";
        }

        return d;
    }

    /// <summary>A nested mapping read with <paramref name="read"/>; null when absent.</summary>
    public T? Obj<T>(string key, Func<MapReader, T> read)
        where T : class
    {
        var m = Ctx.Map(Get(key), FieldPath(key));
        if (m is null)
        {
            return null;
        }

        var result = read(m);
        m.Finish();
        return result;
    }

    /// <summary>A nested mapping read into a value type; null when absent.</summary>
    public T? Struct<T>(string key, Func<MapReader, T> read)
        where T : struct
    {
        var m = Ctx.Map(Get(key), FieldPath(key));
        if (m is null)
        {
            return null;
        }

        var result = read(m);
        m.Finish();
        return result;
    }

    /// <summary>A list of mappings, each read with <paramref name="read"/>.</summary>
    public IReadOnlyList<T> ObjList<T>(string key, Func<MapReader, T> read)
    {
        var list = new List<T>();
        var items = Ctx.Seq(Get(key), FieldPath(key));
        for (var i = 0; i < items.Count; i++)
        {
            var m = Ctx.Map(items[i], $"{FieldPath(key)}[{i}]");
            if (m is not null)
            {
                list.Add(read(m));
                m.Finish();
            }
        }

        return list;
    }

    /// <summary>A mapping of names to values, each read with <paramref name="read"/>.</summary>
    public IReadOnlyDictionary<string, T> ObjMap<T>(string key, Func<MapReader, string, T> read)
    {
        var d = new Dictionary<string, T>(StringComparer.Ordinal);
        var m = Ctx.Map(Get(key), FieldPath(key));
        if (m is null)
        {
            return d;
        }

        foreach (var k in m.Keys.ToList())
        {
            var child = Ctx.Map(m.Get(k), m.FieldPath(k));
            if (child is not null)
            {
                d[k] = read(child, k);
                child.Finish();
            }
        }

        return d;
    }

    public object? Raw(string key) => YamlValues.ToRaw(Get(key));

    /// <summary>Everything not read yet, as raw data, so nothing in the file is lost.</summary>
    public IReadOnlyDictionary<string, object?> Rest()
    {
        var d = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < _entries.Count; i++)
        {
            if (!_used[i])
            {
                _used[i] = true;
                d[_entries[i].Key.Value ?? ""] = YamlValues.ToRaw(_entries[i].Value);
            }
        }

        return d;
    }

    /// <summary>Raw values of the keys not read so far, leaving them to be reported by <see cref="Finish"/>.</summary>
    public IReadOnlyDictionary<string, object?> Unread()
    {
        var d = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < _entries.Count; i++)
        {
            if (!_used[i])
            {
                d[_entries[i].Key.Value ?? ""] = YamlValues.ToRaw(_entries[i].Value);
            }
        }

        return d;
    }

    /// <summary>
    /// Keys Prow knows but this model keeps only as raw data; anything else is still reported by
    /// <see cref="Finish"/> as unknown.
    /// </summary>
    public IReadOnlyDictionary<string, object?> KnownRest(params string[] known)
    {
        var d = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var k in known)
        {
            if (IndexOf(k) is >= 0 and var i && !_used[i])
            {
                _used[i] = true;
                d[k] = YamlValues.ToRaw(_entries[i].Value);
            }
        }

        return d;
    }

    public void Finish()
    {
        for (var i = 0; i < _entries.Count; i++)
        {
            if (!_used[i])
            {
                _used[i] = true;
                Ctx.Sink.UnknownField(Ctx.File, YamlValues.Line(_entries[i].Key), FieldPath(_entries[i].Key.Value ?? ""));
            }
        }
    }

    private int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var i) ? i : -1;
        }

        for (var i = 0; i < _entries.Count; i++)
        {
            if (string.Equals(_entries[i].Key.Value, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private YamlScalarNode? Scalar(string key, string expected)
    {
        var node = Get(key);
        if (YamlValues.IsNull(node))
        {
            return null;
        }

        if (node is YamlScalarNode s)
        {
            return s;
        }

        Ctx.Error(node!, FieldPath(key), $"expected {expected}, got {YamlValues.Kind(node!)}");
        return null;
    }
}
