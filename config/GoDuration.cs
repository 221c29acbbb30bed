using System.Globalization;

namespace Prow.Config;

/// <summary>Parses and formats Go <c>time.Duration</c> strings ("1h", "30m", "24h0m0s", "1.5s").</summary>
public static class GoDuration
{
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var d) ? d : throw new FormatException($"invalid duration \"{text}\"");

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var s = text.AsSpan();
        var negative = s[0] == '-';
        if (s[0] is '-' or '+')
        {
            s = s[1..];
        }

        if (s is "0")
        {
            return true;
        }

        if (s.IsEmpty)
        {
            return false;
        }

        decimal totalTicks = 0;
        while (!s.IsEmpty)
        {
            var n = 0;
            while (n < s.Length && (char.IsAsciiDigit(s[n]) || s[n] == '.'))
            {
                n++;
            }

            if (n == 0 || !decimal.TryParse(s[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            s = s[n..];
            var u = 0;
            while (u < s.Length && !char.IsAsciiDigit(s[u]) && s[u] != '.')
            {
                u++;
            }

            var ticksPerUnit = UnitTicks(s[..u]);
            if (ticksPerUnit is null)
            {
                return false;
            }

            totalTicks += value * ticksPerUnit.Value;
            s = s[u..];
        }

        if (totalTicks > TimeSpan.MaxValue.Ticks)
        {
            return false;
        }

        duration = TimeSpan.FromTicks((long)(negative ? -totalTicks : totalTicks));
        return true;
    }

    /// <summary>
    /// Prow's own Duration type (decoration timeouts) also accepts a bare integer of nanoseconds,
    /// which is how a marshalled time.Duration looks.
    /// </summary>
    public static bool TryParseOrNanoseconds(string? text, out TimeSpan duration)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var nanos))
        {
            duration = TimeSpan.FromTicks(nanos / 100);
            return true;
        }

        return TryParse(text, out duration);
    }

    /// <summary>Formats like Go's Duration.String for whole seconds ("24h0m0s", "1m30s").</summary>
    public static string Format(TimeSpan d)
    {
        if (d == TimeSpan.Zero)
        {
            return "0s";
        }

        var hours = (long)d.TotalHours;
        if (hours > 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{hours}h{d.Minutes}m{d.Seconds}s");
        }

        return d.Minutes > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{d.Minutes}m{d.Seconds}s")
            : string.Create(CultureInfo.InvariantCulture, $"{d.TotalSeconds}s");
    }

    private static decimal? UnitTicks(ReadOnlySpan<char> unit) => unit switch
    {
        "ns" => 0.01m,
        "us" or "µs" or "μs" => 10m,
        "ms" => TimeSpan.TicksPerMillisecond,
        "s" => TimeSpan.TicksPerSecond,
        "m" => TimeSpan.TicksPerMinute,
        "h" => TimeSpan.TicksPerHour,
        _ => null,
    };
}
