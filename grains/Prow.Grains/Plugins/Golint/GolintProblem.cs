namespace Prow.Grains.Plugins.Golint;

/// <summary>A problem golint reported, on a line of the file at the pull request's head.</summary>
public sealed record GolintProblem(int Line, string Text);
