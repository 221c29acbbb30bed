namespace Prow.Gateway;

public sealed class HookOptions
{
    /// <summary>
    /// Bytes of webhook bodies held in memory at once (see <see cref="WebhookBodyBudget"/>): one body of GitHub's
    /// largest size and room for the small ones beside it. A body larger than the budget is read when it is alone.
    /// </summary>
    public long MaxBufferedBodyBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>How long a post may wait for room before it is answered 503 (GitHub's own timeout is 10 s).</summary>
    public TimeSpan BodyWait { get; set; } = TimeSpan.FromSeconds(10);
}
