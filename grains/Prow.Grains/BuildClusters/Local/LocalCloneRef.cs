namespace Prow.Grains.BuildClusters.Local;

/// <summary>A repository to clone before the command runs (Prow's <c>refs</c> / <c>extra_refs</c>).</summary>
public sealed record LocalCloneRef
{
    public required string Org { get; init; }

    public required string Repo { get; init; }

    public required string BaseRef { get; init; }

    public string? BaseSha { get; init; }

    /// <summary>Overrides the URL built from the git base URL; a local folder or file:// URL works.</summary>
    public string? CloneUri { get; init; }

    /// <summary>Where under <c>src/</c> to clone instead of <c>github.com/org/repo</c>.</summary>
    public string? PathAlias { get; init; }

    /// <summary>The command runs in this ref's checkout.</summary>
    public bool Workdir { get; init; }

    public IReadOnlyList<LocalPullRef> Pulls { get; init; } = [];
}
