namespace Prow.Config.Plugins;

/// <summary>The <c>cat</c> section: where the cat API key lives.</summary>
public sealed record CatConfig(string? KeyPath);
