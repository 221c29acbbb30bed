namespace Prow.Web.Lenses;

/// <summary>A file of a job's build folder: its path relative to the folder (as lenses' regexes see it) and its size.</summary>
public sealed record ArtifactFile(string Name, long Size);
