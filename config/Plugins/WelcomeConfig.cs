namespace Prow.Config.Plugins;

/// <summary>A <c>welcome</c> entry: the message first-time contributors get.</summary>
public sealed record WelcomeConfig(IReadOnlyList<string> Repos, string? MessageTemplate, bool AlwaysPost);
