namespace Prow.Runtime;

/// <summary>A lock-free latency histogram with exponential buckets (1 µs to ~67 s), good for percentiles to within a bucket.</summary>
internal sealed class LatencyHistogram
{
    private const int BucketCount = 27;
    private readonly long[] _buckets = new long[BucketCount];

    public void Record(TimeSpan duration)
    {
        var micros = Math.Max(1L, (long)duration.TotalMicroseconds);
        var bucket = Math.Min(BucketCount - 1, 63 - long.LeadingZeroCount(micros));
        Interlocked.Increment(ref _buckets[bucket]);
    }

    /// <summary>The upper bound of the bucket holding the given percentile.</summary>
    public TimeSpan Percentile(double percentile)
    {
        var counts = new long[BucketCount];
        long total = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            counts[i] = Volatile.Read(ref _buckets[i]);
            total += counts[i];
        }

        if (total == 0)
        {
            return TimeSpan.Zero;
        }

        var rank = (long)Math.Ceiling(percentile * total);
        long seen = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return TimeSpan.FromMicroseconds(1L << (i + 1));
            }
        }

        return TimeSpan.FromMicroseconds(1L << BucketCount);
    }
}
