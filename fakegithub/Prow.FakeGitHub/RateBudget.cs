namespace Prow.FakeGitHub;

/// <summary>The fake's rate-limit budget for one resource.</summary>
public sealed record RateBudget(int Limit, int Remaining, DateTimeOffset Reset);
