namespace Prow.Grains.BuildClusters.Local;

/// <summary>
/// A pull request to merge into the base (Prow's <c>refs.pulls[]</c>). <paramref name="Ref"/> is fetched when set
/// (test repositories have no <c>pull/N/head</c>); an empty <paramref name="Sha"/> merges whatever was fetched.
/// </summary>
public sealed record LocalPullRef(int Number, string Sha, string? Ref = null);
