namespace Prow.Config.Plugins;

/// <summary>A label only some users or teams may apply; <see cref="AssignOn"/> lists labels that assign them.</summary>
public sealed record RestrictedLabel(string Label, IReadOnlyList<string> AllowedTeams, IReadOnlyList<string> AllowedUsers, IReadOnlyList<string> AssignOn);
