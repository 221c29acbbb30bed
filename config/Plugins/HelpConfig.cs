namespace Prow.Config.Plugins;

/// <summary>The <c>help</c> section.</summary>
public sealed record HelpConfig(
    string HelpGuidelinesUrl = "https://git.k8s.io/community/contributors/guide/help-wanted.md",
    string? HelpGuidelinesSummary = null);
