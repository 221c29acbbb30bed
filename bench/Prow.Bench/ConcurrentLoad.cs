using System.Diagnostics;

namespace Prow.Bench;

/// <summary>
/// Runs <c>count</c> operations on <c>concurrency</c> workers that take the next index as they finish, the shape every
/// throughput benchmark here uses; returns operations per second over the whole run and each operation's latency.
/// </summary>
internal static class ConcurrentLoad
{
    /// <param name="operation">Called with the worker's number (to pick, say, its connection) and the operation's index.</param>
    public static async Task<(double Rate, List<double> Latencies)> RunAsync(int count, int concurrency, Func<int, int, Task> operation)
    {
        var latencies = new List<double>(count);
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var mine = new List<double>();
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var t = Stopwatch.GetTimestamp();
                await operation(worker, i);
                mine.Add(Measure.ElapsedMs(t));
            }

            lock (latencies)
            {
                latencies.AddRange(mine);
            }
        })));
        return (count / Stopwatch.GetElapsedTime(started).TotalSeconds, latencies);
    }
}
