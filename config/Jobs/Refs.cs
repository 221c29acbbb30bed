namespace Prow.Config.Jobs;

/// <summary>A repository to clone (<c>extra_refs</c> entry).</summary>
public sealed record Refs
{
    public string Org { get; init; } = "";
    public string Repo { get; init; } = "";
    public string? RepoLink { get; init; }
    public string BaseRef { get; init; } = "";
    public string? BaseSha { get; init; }
    public string? PathAlias { get; init; }
    public bool Workdir { get; init; }
    public string? CloneUri { get; init; }
    public bool SkipSubmodules { get; init; }
    public int CloneDepth { get; init; }
    public bool SkipFetchHead { get; init; }
    public IReadOnlyDictionary<string, object?> Extra { get; init; } = new Dictionary<string, object?>();
}
