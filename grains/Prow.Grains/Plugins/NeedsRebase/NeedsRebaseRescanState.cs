namespace Prow.Grains.Plugins.NeedsRebase;

public sealed record NeedsRebaseRescanState
{
    /// <summary>The period the reminder was registered with; a different <c>--needs-rebase-update-period</c> registers it again.</summary>
    public TimeSpan? Period { get; init; }

    public DateTimeOffset? LastPass { get; init; }
}
