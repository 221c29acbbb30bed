using System.Collections;
using System.Globalization;
using System.Text;

namespace Prow.GoTemplates.Execution;

/// <summary>Go's fmt for the values templates print: <c>Sprint</c>, <c>Sprintln</c> and <c>Sprintf</c> with its common verbs.</summary>
internal static class GoFormatter
{
    /// <summary>A value as <c>%v</c> prints it.</summary>
    public static string Value(object? value) => value switch
    {
        null => "<nil>",
        NoValue => "<no value>",
        string s => s,
        bool b => b ? "true" : "false",
        double d => Float(d, 'g', -1),
        float f => Float(f, 'g', -1),
        DateTimeOffset t => Time(t),
        DateTime t => Time(new DateTimeOffset(t.ToUniversalTime(), TimeSpan.Zero)),
        TimeSpan span => Duration(span),
        IDictionary map => "map[" + string.Join(" ", SortedKeys(map).Select(k => Value(k) + ":" + Value(map[k]))) + "]",
        IEnumerable items => "[" + string.Join(" ", items.Cast<object?>().Select(Value)) + "]",
        IFormattable formattable when GoValues.KindOf(value) is GoValues.Kind.Int or GoValues.Kind.Uint => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => Struct(value),
    };

    /// <summary>fmt.Sprint: operands side by side, with a space between two that are not strings.</summary>
    public static string Sprint(IReadOnlyList<object?> args)
    {
        var text = new StringBuilder();
        for (var i = 0; i < args.Count; i++)
        {
            if (i > 0 && args[i] is not string && args[i - 1] is not string)
            {
                text.Append(' ');
            }

            text.Append(Value(args[i]));
        }

        return text.ToString();
    }

    public static string Sprintln(IReadOnlyList<object?> args) => string.Join(" ", args.Select(Value)) + "\n";

    public static string Sprintf(string format, IReadOnlyList<object?> args)
    {
        var text = new StringBuilder();
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%')
            {
                text.Append(format[i]);
                continue;
            }

            var spec = new Spec();
            i++;
            for (; i < format.Length && format[i] is '-' or '+' or '#' or ' ' or '0'; i++)
            {
                spec.SetFlag(format[i]);
            }

            spec.Width = Digits(format, ref i, args, ref next);
            if (i < format.Length && format[i] == '.')
            {
                i++;
                spec.Precision = Digits(format, ref i, args, ref next) ?? 0;
            }

            if (i >= format.Length)
            {
                text.Append("%!(NOVERB)");
                break;
            }

            var verb = format[i];
            if (verb == '%')
            {
                text.Append('%');
                continue;
            }

            if (next >= args.Count)
            {
                text.Append("%!").Append(verb).Append("(MISSING)");
                continue;
            }

            text.Append(spec.Pad(Format(verb, args[next++], spec), verb));
        }

        if (next < args.Count)
        {
            text.Append("%!(EXTRA ").Append(string.Join(", ", args.Skip(next).Select(a => GoValues.TypeName(a) + "=" + Value(a)))).Append(')');
        }

        return text.ToString();
    }

    /// <summary>strconv.Quote for the common cases: printable text kept, the rest escaped.</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var rune in value.EnumerateRunes())
        {
            text.Append(rune.Value switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\a' => "\\a",
                '\b' => "\\b",
                '\f' => "\\f",
                '\v' => "\\v",
                < 0x20 or 0x7f => $"\\x{rune.Value:x2}",
                _ => rune.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    private static string Format(char verb, object? arg, Spec spec)
    {
        var kind = GoValues.KindOf(arg);
        switch (verb)
        {
            case 'v':
                return spec.Plus && kind == GoValues.Kind.Int ? Signed(GoValues.ToInt64(arg!), spec) : Value(arg);
            case 's':
                return kind is GoValues.Kind.Bool or GoValues.Kind.Int or GoValues.Kind.Uint or GoValues.Kind.Float
                    ? Bad(verb, arg)
                    : Truncate(Value(arg), spec.Precision);
            case 'q':
                return arg switch
                {
                    string s => Quote(Truncate(s, spec.Precision)),
                    _ when kind == GoValues.Kind.Int => "'" + char.ConvertFromUtf32((int)GoValues.ToInt64(arg!)) + "'",
                    _ => Bad(verb, arg),
                };
            case 'd':
                return kind is GoValues.Kind.Int or GoValues.Kind.Uint ? Signed(GoValues.ToInt64(arg!), spec) : Bad(verb, arg);
            case 't':
                return arg is bool b ? (b ? "true" : "false") : Bad(verb, arg);
            case 'x' or 'X':
                var hex = arg switch
                {
                    string s => Convert.ToHexString(Encoding.UTF8.GetBytes(s)).ToLowerInvariant(),
                    _ when kind is GoValues.Kind.Int or GoValues.Kind.Uint => GoValues.ToInt64(arg!).ToString("x", CultureInfo.InvariantCulture),
                    _ => null,
                };
                return hex is null ? Bad(verb, arg) : verb == 'X' ? hex.ToUpperInvariant() : hex;
            case 'o' or 'b':
                return kind is GoValues.Kind.Int or GoValues.Kind.Uint ? Convert.ToString(GoValues.ToInt64(arg!), verb == 'o' ? 8 : 2) : Bad(verb, arg);
            case 'c':
                return kind == GoValues.Kind.Int ? char.ConvertFromUtf32((int)GoValues.ToInt64(arg!)) : Bad(verb, arg);
            case 'f' or 'F' or 'e' or 'E' or 'g' or 'G':
                return kind == GoValues.Kind.Float
                    ? Float(Convert.ToDouble(arg, CultureInfo.InvariantCulture), char.ToLowerInvariant(verb) == 'f' ? 'f' : verb, spec.Precision ?? (verb is 'g' or 'G' ? -1 : 6))
                    : Bad(verb, arg);
            default:
                return Bad(verb, arg);
        }
    }

    private static string Signed(long value, Spec spec) =>
        (spec.Plus && value >= 0 ? "+" : spec.Space && value >= 0 ? " " : "") + value.ToString(CultureInfo.InvariantCulture);

    private static string Bad(char verb, object? arg) => $"%!{verb}({GoValues.TypeName(arg)}={Value(arg)})";

    private static string Truncate(string value, int? precision)
    {
        if (precision is not { } max)
        {
            return value;
        }

        var runes = value.EnumerateRunes().Take(max);
        return string.Concat(runes.Select(r => r.ToString()));
    }

    private static int? Digits(string format, ref int i, IReadOnlyList<object?> args, ref int next)
    {
        if (i < format.Length && format[i] == '*')
        {
            i++;
            return next < args.Count && GoValues.KindOf(args[next]) == GoValues.Kind.Int ? (int)GoValues.ToInt64(args[next++]!) : null;
        }

        var start = i;
        while (i < format.Length && char.IsAsciiDigit(format[i]))
        {
            i++;
        }

        return i > start ? int.Parse(format.AsSpan(start, i - start), CultureInfo.InvariantCulture) : null;
    }

    /// <summary>strconv.FormatFloat: 'g' with precision -1 is the shortest text that reads back, with an exponent from 1e+06 up or below 1e-04.</summary>
    private static string Float(double value, char verb, int precision)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        switch (verb)
        {
            case 'f':
                return value.ToString("F" + Math.Max(precision, 0).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            case 'e' or 'E':
                return GoExponent(value.ToString((verb == 'e' ? "e" : "E") + Math.Max(precision, 0).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        }

        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var exponent = value == 0 ? 0 : (int)Math.Floor(Math.Log10(Math.Abs(value)));
        var limit = precision < 0 ? 6 : precision;
        if (exponent < -4 || exponent >= limit)
        {
            var digits = shortest.Replace("-", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal).Split('E')[0].TrimStart('0').TrimEnd('0');
            var mantissa = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
            var text = (value < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
            return verb == 'G' ? text.ToUpperInvariant() : text;
        }

        return shortest.Contains('E', StringComparison.Ordinal) ? value.ToString("F20", CultureInfo.InvariantCulture).TrimEnd('0').TrimEnd('.') : shortest;
    }

    /// <summary>.NET writes three exponent digits (1.5e+003); Go at least two (1.5e+03).</summary>
    private static string GoExponent(string text)
    {
        var at = text.IndexOfAny(['e', 'E']);
        var digits = text[(at + 2)..].TrimStart('0');
        return text[..(at + 2)] + digits.PadLeft(2, '0');
    }

    /// <summary>time.Time.String(): <c>2006-01-02 15:04:05.999999999 -0700 MST</c>.</summary>
    private static string Time(DateTimeOffset time)
    {
        var fraction = time.Ticks % TimeSpan.TicksPerSecond;
        var text = time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        if (fraction != 0)
        {
            text += "." + (fraction * 100).ToString("000000000", CultureInfo.InvariantCulture).TrimEnd('0');
        }

        var offset = time.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var zone = offset == TimeSpan.Zero ? "UTC" : sign + offset.ToString("hhmm", CultureInfo.InvariantCulture);
        return $"{text} {sign}{offset:hhmm} {zone}";
    }

    /// <summary>time.Duration.String(): <c>1h2m3s</c>, <c>1.5s</c>, <c>0s</c>.</summary>
    private static string Duration(TimeSpan span)
    {
        if (span == TimeSpan.Zero)
        {
            return "0s";
        }

        var text = new StringBuilder(span < TimeSpan.Zero ? "-" : "");
        span = span.Duration();
        var hours = (long)span.TotalHours;
        if (hours > 0)
        {
            text.Append(hours).Append('h');
        }

        if (hours > 0 || span.Minutes > 0)
        {
            text.Append(span.Minutes).Append('m');
        }

        var seconds = (span.Ticks % TimeSpan.TicksPerMinute) / (double)TimeSpan.TicksPerSecond;
        return text.Append(seconds.ToString("0.#########", CultureInfo.InvariantCulture)).Append('s').ToString();
    }

    private static string Struct(object value)
    {
        var properties = value.GetType().GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract");
        return "{" + string.Join(" ", properties.Select(p => Value(p.GetValue(value)))) + "}";
    }

    private static IEnumerable<object> SortedKeys(IDictionary map) =>
        map.Keys.Cast<object>().OrderBy(k => k as string ?? "", StringComparer.Ordinal).ThenBy(k => GoValues.KindOf(k) == GoValues.Kind.Int ? GoValues.ToInt64(k) : 0);

    private sealed class Spec
    {
        public bool Minus { get; private set; }
        public bool Plus { get; private set; }
        public bool Space { get; private set; }
        public bool Zero { get; private set; }
        public int? Width { get; set; }
        public int? Precision { get; set; }

        public void SetFlag(char flag)
        {
            switch (flag)
            {
                case '-': Minus = true; break;
                case '+': Plus = true; break;
                case ' ': Space = true; break;
                case '0': Zero = true; break;
            }
        }

        public string Pad(string text, char verb)
        {
            var length = text.EnumerateRunes().Count();
            if (Width is not { } width || length >= width)
            {
                return text;
            }

            if (Minus)
            {
                return text + new string(' ', width - length);
            }

            if (Zero && verb is 'd' or 'f' or 'F' or 'e' or 'E' or 'g' or 'G' or 'x' or 'X' or 'o' or 'b')
            {
                var sign = text.StartsWith('-') || text.StartsWith('+') ? text[..1] : "";
                return sign + new string('0', width - length) + text[sign.Length..];
            }

            return new string(' ', width - length) + text;
        }
    }
}
