namespace Prow.Config.Plugins;

/// <summary>An external plugin endpoint; <see cref="Events"/> empty means every event.</summary>
public sealed record ExternalPlugin(string Name, string Endpoint, IReadOnlyList<string> Events)
{
    /// <summary>The line of the entry in plugins.yaml.</summary>
    public int Line { get; init; }
}
