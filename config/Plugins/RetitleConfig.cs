namespace Prow.Config.Plugins;

/// <summary>The <c>retitle</c> section.</summary>
public sealed record RetitleConfig(bool AllowClosedIssues);
