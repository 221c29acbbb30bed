namespace Prow.FakeGitHub;

/// <summary>A webhook the fake sends events to: the GitHub App's (no org), an organization's or a repository's.</summary>
public sealed record FakeHook(long Id, string? Org, string? Repo, Uri Url, string Secret);
