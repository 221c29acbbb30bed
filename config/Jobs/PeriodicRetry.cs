namespace Prow.Config.Jobs;

/// <summary>Retries of a failed periodic run.</summary>
public sealed record PeriodicRetry(int Attempts, string? Interval, bool RunAll);
