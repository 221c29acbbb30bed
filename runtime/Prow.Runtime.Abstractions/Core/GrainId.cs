namespace Orleans.Runtime;

/// <summary>The identity of a grain: its type name and its key. Stable across restarts, so it keys storage.</summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";
}
