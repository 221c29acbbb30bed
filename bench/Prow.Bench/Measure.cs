using System.Diagnostics;

namespace Prow.Bench;

internal static class Measure
{
    public static string Percentiles(List<double> samplesMs)
    {
        samplesMs.Sort();
        return $"p50 {At(samplesMs, 0.50):F2} ms, p99 {At(samplesMs, 0.99):F2} ms, max {samplesMs[^1]:F2} ms";
    }

    public static double At(List<double> sorted, double percentile) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile * sorted.Count) - 1)];

    public static double ElapsedMs(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;

    public static void Report(string name, string value) => Console.WriteLine($"{name,-44} {value}");
}
