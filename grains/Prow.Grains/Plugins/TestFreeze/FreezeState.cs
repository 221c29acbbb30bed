namespace Prow.Grains.Plugins.TestFreeze;

/// <summary>Where the Kubernetes release cycle stands, as the testfreeze plugin reads it.</summary>
/// <param name="Branch">The newest release branch (or, in code freeze before it exists, the next one).</param>
/// <param name="Tag">The minor release to come, e.g. <c>v1.37.0</c>.</param>
/// <param name="LastFastForward">When ci-fast-forward last succeeded, in Go's UnixDate form, or <c>unknown</c>.</param>
public sealed record FreezeState(bool InCodeFreeze, bool InTestFreeze, string Branch, string Tag, string LastFastForward);
