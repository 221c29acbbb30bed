namespace Prow.Config.Components;

/// <summary>The <c>sinker</c> section with Prow's defaults.</summary>
public sealed record SinkerConfig
{
    public TimeSpan ResyncPeriod { get; init; } = TimeSpan.FromHours(1);
    public TimeSpan MaxProwJobAge { get; init; } = TimeSpan.FromDays(7);
    public TimeSpan MaxPodAge { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Defaults to <see cref="MaxPodAge"/>.</summary>
    public TimeSpan TerminatedPodTtl { get; init; } = TimeSpan.FromHours(24);

    public IReadOnlyList<string> ExcludeClusters { get; init; } = [];
}
