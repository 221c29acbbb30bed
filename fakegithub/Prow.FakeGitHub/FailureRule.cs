namespace Prow.FakeGitHub;

/// <summary>An injected failure: the next matching calls answer this instead of being served.</summary>
internal sealed record FailureRule(int Status, string Message, TimeSpan? RetryAfter, string? PathPrefix)
{
    public int Remaining { get; set; }
}
