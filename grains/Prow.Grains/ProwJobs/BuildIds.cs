using System.Globalization;

namespace Prow.Grains.ProwJobs;

/// <summary>Prow-style build ids: increasing decimal numbers (milliseconds since the epoch, bumped on collision).</summary>
public sealed class BuildIds(TimeProvider time)
{
    private long _last;

    public string Next()
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        long next;
        long last;
        do
        {
            last = Interlocked.Read(ref _last);
            next = Math.Max(now, last + 1);
        }
        while (Interlocked.CompareExchange(ref _last, next, last) != last);

        return next.ToString(CultureInfo.InvariantCulture);
    }
}
