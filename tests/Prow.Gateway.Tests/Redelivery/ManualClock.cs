namespace Prow.Gateway.Tests.Redelivery;

/// <summary>A clock the test moves by hand (timers still run on real time).</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
