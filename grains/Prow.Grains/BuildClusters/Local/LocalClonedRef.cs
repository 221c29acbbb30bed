namespace Prow.Grains.BuildClusters.Local;

/// <summary>A ref as it was cloned: where, and the HEAD it ended at after the pulls were merged (Prow's final_sha).</summary>
public sealed record LocalClonedRef(LocalCloneRef Ref, string Path, string HeadSha);
