using System.Globalization;
using System.Text;

namespace Prow.Grains.BuildClusters.Local;

/// <summary>Durations written the way Prow's configuration (Go) writes them, without zero parts: 2h, 1h30m, 10m, 1.5s, 500ms.</summary>
internal static class DurationText
{
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(long)duration.TotalMilliseconds}ms");
        }

        var text = new StringBuilder();
        Append(text, (long)duration.TotalHours, "h");
        Append(text, duration.Minutes, "m");
        var seconds = duration.Seconds + (duration.Milliseconds / 1000m);
        if (seconds > 0)
        {
            text.Append(seconds.ToString("0.###", CultureInfo.InvariantCulture)).Append('s');
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, long value, string unit)
    {
        if (value > 0)
        {
            text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }
}
