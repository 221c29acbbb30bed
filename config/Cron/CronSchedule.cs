namespace Prow.Config.Cron;

/// <summary>
/// A cron schedule as Prow's horologium reads it (robfig/cron): five fields
/// (minute hour day-of-month month day-of-week), an optional leading seconds field,
/// or a descriptor (@yearly, @monthly, @weekly, @daily, @hourly, @every 1h). Times are UTC.
/// </summary>
public sealed class CronSchedule
{
    // Like robfig/cron, give up after five years so impossible dates (Feb 31) cannot hang.
    private const int HorizonYears = 5;

    private readonly ulong _second;
    private readonly ulong _minute;
    private readonly ulong _hour;
    private readonly ulong _dom;
    private readonly ulong _month;
    private readonly ulong _dow;
    private readonly TimeSpan? _every;

    private CronSchedule(string expression, ulong[] fields, TimeSpan? every)
    {
        Expression = expression;
        (_second, _minute, _hour, _dom, _month, _dow) = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
        _every = every;
    }

    public string Expression { get; }

    public static CronSchedule Parse(string expression) =>
        TryParse(expression, out var s, out var error) ? s! : throw new FormatException(error);

    public static bool TryParse(string expression, out CronSchedule? schedule, out string? error)
    {
        schedule = null;
        var spec = expression.Trim();
        if (spec.StartsWith("TZ=", StringComparison.Ordinal) || spec.StartsWith("CRON_TZ=", StringComparison.Ordinal))
        {
            error = "time zones are not supported: Prow runs cron in UTC";
            return false;
        }

        if (spec.StartsWith('@'))
        {
            return TryDescriptor(expression, spec, out schedule, out error);
        }

        var parts = spec.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is not (5 or 6))
        {
            error = $"expected 5 fields (minute hour day-of-month month day-of-week), found {parts.Length}";
            return false;
        }

        var all = parts.Length == 6 ? parts : ["0", .. parts];
        (int Min, int Max, string Kind)[] bounds =
            [(0, 59, "second"), (0, 59, "minute"), (0, 23, "hour"), (1, 31, "day-of-month"), (1, 12, "month"), (0, 6, "day-of-week")];
        var fields = new ulong[6];
        for (var i = 0; i < 6; i++)
        {
            fields[i] = CronField.Parse(all[i], bounds[i].Min, bounds[i].Max, bounds[i].Kind, out error);
            if (error is not null)
            {
                return false;
            }
        }

        error = null;
        schedule = new CronSchedule(expression, fields, null);
        return true;
    }

    /// <summary>The first activation strictly after <paramref name="after"/>, or null if none within five years.</summary>
    public DateTimeOffset? Next(DateTimeOffset after)
    {
        var t = after.UtcDateTime;
        if (_every is { } every)
        {
            var baseTime = new DateTime(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
            return new DateTimeOffset(baseTime + every, TimeSpan.Zero);
        }

        t = new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second, DateTimeKind.Utc).AddSeconds(1);
        var limit = t.AddYears(HorizonYears);
        while (t < limit)
        {
            if (!Has(_month, t.Month))
            {
                t = new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
            }
            else if (!DayMatches(t))
            {
                t = t.Date.AddDays(1);
            }
            else if (!Has(_hour, t.Hour))
            {
                t = new DateTime(t.Year, t.Month, t.Day, t.Hour, 0, 0, DateTimeKind.Utc).AddHours(1);
            }
            else if (!Has(_minute, t.Minute))
            {
                t = new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, DateTimeKind.Utc).AddMinutes(1);
            }
            else if (!Has(_second, t.Second))
            {
                t = t.AddSeconds(1);
            }
            else
            {
                return new DateTimeOffset(t, TimeSpan.Zero);
            }
        }

        return null;
    }

    public override string ToString() => Expression;

    private static bool Has(ulong bits, int value) => (bits & (1UL << value)) != 0;

    // robfig/cron: if either day field is "*", both must match; otherwise either may match.
    private bool DayMatches(DateTime t)
    {
        var domMatch = Has(_dom, t.Day);
        var dowMatch = Has(_dow, (int)t.DayOfWeek);
        return (_dom & CronField.StarBit) != 0 || (_dow & CronField.StarBit) != 0
            ? domMatch && dowMatch
            : domMatch || dowMatch;
    }

    private static bool TryDescriptor(string expression, string spec, out CronSchedule? schedule, out string? error)
    {
        error = null;
        schedule = null;
        var replacement = spec switch
        {
            "@yearly" or "@annually" => "0 0 1 1 *",
            "@monthly" => "0 0 1 * *",
            "@weekly" => "0 0 * * 0",
            "@daily" or "@midnight" => "0 0 * * *",
            "@hourly" => "0 * * * *",
            _ => null,
        };
        if (replacement is not null)
        {
            _ = TryParse(replacement, out var inner, out error);
            schedule = new CronSchedule(expression, [inner!._second, inner._minute, inner._hour, inner._dom, inner._month, inner._dow], null);
            return true;
        }

        const string Every = "@every ";
        if (spec.StartsWith(Every, StringComparison.Ordinal) &&
            GoDuration.TryParse(spec[Every.Length..].Trim(), out var d) && d > TimeSpan.Zero)
        {
            // robfig/cron rounds @every down to whole seconds, with a one-second minimum.
            var seconds = Math.Max(1, (long)d.TotalSeconds);
            schedule = new CronSchedule(expression, new ulong[6], TimeSpan.FromSeconds(seconds));
            return true;
        }

        error = $"unrecognized descriptor \"{spec}\"";
        return false;
    }
}
