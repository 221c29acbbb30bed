namespace Prow.Config.Plugins;

/// <summary>The <c>goose</c> section: the file holding an unsplash.com API key.</summary>
public sealed record GooseConfig(string? KeyPath);
