namespace Prow.Config.Components;

/// <summary>Deck's spyglass settings; lenses stay raw.</summary>
public sealed record SpyglassConfig
{
    /// <summary>Defaults to 100 MB, as in Prow.</summary>
    public long SizeLimit { get; init; } = 100_000_000;
    public string? GcsBrowserPrefix { get; init; }
    public IReadOnlyDictionary<string, string> GcsBrowserPrefixes { get; init; } = new Dictionary<string, string>();
    public string? TestGridConfig { get; init; }
    public string? TestGridRoot { get; init; }
    public IReadOnlyList<object?> Lenses { get; init; } = [];
    public IReadOnlyDictionary<string, object?> Extra { get; init; } = new Dictionary<string, object?>();
}
