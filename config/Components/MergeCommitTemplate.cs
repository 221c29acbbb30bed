namespace Prow.Config.Components;

/// <summary>Go templates for the merge commit title and body.</summary>
public sealed record MergeCommitTemplate(string? Title, string? Body);
