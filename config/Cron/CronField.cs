using System.Globalization;

namespace Prow.Config.Cron;

/// <summary>Parses one cron field ("*/15", "1-5", "MON-FRI", "1,15") into a bit set, as robfig/cron does.</summary>
internal static class CronField
{
    /// <summary>Set when the field was "*" or "?"; it changes how day-of-month and day-of-week combine.</summary>
    public const ulong StarBit = 1UL << 63;

    private static readonly string[] s_months =
        ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    private static readonly string[] s_days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    public static ulong Parse(string field, int min, int max, string kind, out string? error)
    {
        error = null;
        ulong bits = 0;
        // Empty list items are dropped, as robfig/cron's FieldsFunc does ("22," is just 22).
        foreach (var part in field.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var b = ParseRange(part, min, max, kind, out error);
            if (error is not null)
            {
                return 0;
            }

            bits |= b;
        }

        return bits;
    }

    private static ulong ParseRange(string expr, int min, int max, string kind, out string? error)
    {
        error = null;
        var slash = expr.Split('/');
        var range = slash[0];
        int start, end, step = 1;
        var star = false;
        if (range is "*" or "?")
        {
            (start, end, star) = (min, max, true);
        }
        else
        {
            var dash = range.Split('-');
            if (dash.Length > 2 || !TryValue(dash[0], kind, out start) ||
                (dash.Length == 2 ? !TryValue(dash[1], kind, out end) : !Same(start, out end)))
            {
                error = $"invalid {kind} \"{expr}\"";
                return 0;
            }

            if (slash.Length == 2 && dash.Length == 1)
            {
                end = max; // "5/10" means from 5 to the maximum in steps of 10.
            }
        }

        if (slash.Length > 2 || (slash.Length == 2 &&
            (!int.TryParse(slash[1], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step <= 0)))
        {
            error = $"invalid step in {kind} \"{expr}\"";
            return 0;
        }

        if (start < min || end > max || start > end)
        {
            error = $"{kind} \"{expr}\" is out of range {min}-{max}";
            return 0;
        }

        ulong bits = 0;
        for (var i = start; i <= end; i += step)
        {
            bits |= 1UL << i;
        }

        return star && step == 1 ? bits | StarBit : bits;
    }

    private static bool Same(int start, out int end)
    {
        end = start;
        return true;
    }

    private static bool TryValue(string text, string kind, out int value)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        var names = kind switch
        {
            "month" => s_months,
            "day-of-week" => s_days,
            _ => null,
        };
        var index = names is null ? -1 : Array.FindIndex(names, n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
        value = kind == "month" ? index + 1 : index;
        return index >= 0;
    }
}
