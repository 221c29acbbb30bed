using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Prow.GoTemplates.Execution;

/// <summary>Go's predefined template functions (<c>and</c> and <c>or</c> are in the executor: they do not evaluate every argument).</summary>
internal static class Builtins
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "and", "or", "not", "len", "index", "slice", "print", "printf", "println", "html", "js", "urlquery", "call",
        "eq", "ne", "lt", "le", "gt", "ge",
    };

    public static object? Call(string name, IReadOnlyList<object?> args) => name switch
    {
        "not" => !GoValues.IsTrue(Exactly(name, args, 1)[0]),
        "len" => Length(Exactly(name, args, 1)[0]),
        "index" => Index(AtLeast(name, args, 1)),
        "slice" => Slice(AtLeast(name, args, 1)),
        "print" => GoFormatter.Sprint(args),
        "println" => GoFormatter.Sprintln(args),
        "printf" => AtLeast(name, args, 1)[0] is string format ? GoFormatter.Sprintf(format, [.. args.Skip(1)]) : throw new ExecutionError($"wrong type for value; expected string; got {GoValues.TypeName(args[0])}"),
        "html" => Html(Text(args)),
        "js" => Js(Text(args)),
        "urlquery" => UrlQuery(Text(args)),
        "eq" => Equal(name, AtLeast(name, args, 2)),
        "ne" => !Equal(name, Exactly(name, args, 2)),
        "lt" => Compare(name, Exactly(name, args, 2)) < 0,
        "le" => Compare(name, Exactly(name, args, 2)) <= 0,
        "gt" => Compare(name, Exactly(name, args, 2)) > 0,
        "ge" => Compare(name, Exactly(name, args, 2)) >= 0,
        "call" => AtLeast(name, args, 1)[0] is Delegate fn ? Call("call", fn.Method, fn.Target, [.. args.Skip(1)]) : throw new ExecutionError($"non-function of type {GoValues.TypeName(args[0])}"),
        _ => throw new ExecutionError($"function \"{name}\" not defined"),
    };

    /// <summary>Calls a .NET method (a template function or a method of the data) with Go-typed arguments converted to its parameters.</summary>
    public static object? Call(string name, MethodInfo method, object? target, IReadOnlyList<object?> args)
    {
        var parameters = method.GetParameters();
        if (parameters.Length != args.Count)
        {
            throw new ExecutionError($"wrong number of args for {name}: want {parameters.Length} got {args.Count}");
        }

        var converted = new object?[args.Count];
        for (var i = 0; i < args.Count; i++)
        {
            converted[i] = Convert(args[i], parameters[i].ParameterType, name);
        }

        try
        {
            return method.Invoke(target, converted);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw new ExecutionError($"error calling {name}: {ex.InnerException.Message}");
        }
    }

    private static object? Convert(object? value, Type type, string name)
    {
        if (value is NoValue)
        {
            value = null;
        }

        if (value is null || type.IsInstanceOfType(value))
        {
            return value;
        }

        if (GoValues.KindOf(value) is GoValues.Kind.Int or GoValues.Kind.Uint or GoValues.Kind.Float && (type.IsPrimitive || type == typeof(decimal)))
        {
            return System.Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
        }

        throw new ExecutionError($"wrong type for value; expected {type.Name}; got {GoValues.TypeName(value)} in call to {name}");
    }

    private static IReadOnlyList<object?> Exactly(string name, IReadOnlyList<object?> args, int count) =>
        args.Count == count ? args : throw new ExecutionError($"wrong number of args for {name}: want {count} got {args.Count}");

    private static IReadOnlyList<object?> AtLeast(string name, IReadOnlyList<object?> args, int count) =>
        args.Count >= count ? args : throw new ExecutionError($"wrong number of args for {name}: want at least {count} got {args.Count}");

    private static string Text(IReadOnlyList<object?> args) => args is [string only] ? only : GoFormatter.Sprint(args);

    private static long Length(object? item) => item switch
    {
        string s => Encoding.UTF8.GetByteCount(s),
        ICollection c => c.Count,
        IEnumerable e => e.Cast<object?>().LongCount(),
        _ => throw new ExecutionError($"error calling len: len of type {GoValues.TypeName(item)}"),
    };

    private static object? Index(IReadOnlyList<object?> args)
    {
        var item = args[0];
        if (item is null or NoValue)
        {
            throw new ExecutionError("error calling index: index of untyped nil");
        }

        foreach (var key in args.Skip(1))
        {
            item = item switch
            {
                IDictionary map => key is not null && map.Contains(key) ? map[key] : null,
                string s => (long)Encoding.UTF8.GetBytes(s)[Position(key, Encoding.UTF8.GetByteCount(s))],
                IList list => list[Position(key, list.Count)],
                IEnumerable e => e.Cast<object?>().ToList() is var items ? items[Position(key, items.Count)] : null,
                null => throw new ExecutionError("error calling index: index of nil pointer"),
                _ => throw new ExecutionError($"error calling index: can't index item of type {GoValues.TypeName(item)}"),
            };
        }

        return item;
    }

    private static int Position(object? key, int count)
    {
        if (GoValues.KindOf(key) is not (GoValues.Kind.Int or GoValues.Kind.Uint))
        {
            throw new ExecutionError($"error calling index: cannot index slice/array with type {GoValues.TypeName(key)}");
        }

        var index = GoValues.ToInt64(key!);
        return index >= 0 && index < count ? (int)index : throw new ExecutionError($"error calling index: index out of range: {index}");
    }

    private static object? Slice(IReadOnlyList<object?> args)
    {
        var item = args[0];
        var length = item switch
        {
            string s => s.Length,
            IList list => list.Count,
            _ => throw new ExecutionError($"error calling slice: can't slice item of type {GoValues.TypeName(item)}"),
        };
        if (args.Count > 4 || (item is string && args.Count > 3))
        {
            throw new ExecutionError($"error calling slice: too many slice indexes: {args.Count - 1}");
        }

        var bounds = args.Skip(1).Select(a => GoValues.KindOf(a) == GoValues.Kind.Int ? GoValues.ToInt64(a!) : throw new ExecutionError("error calling slice: cannot index slice/array with nil")).ToArray();
        var start = bounds.Length > 0 ? bounds[0] : 0;
        var end = bounds.Length > 1 ? bounds[1] : length;
        if (start < 0 || end < start || end > length)
        {
            throw new ExecutionError($"error calling slice: index out of range: {(end > length ? end : start)}");
        }

        return item is string text ? text[(int)start..(int)end] : ((IList)item!).Cast<object?>().Skip((int)start).Take((int)(end - start)).ToList();
    }

    private static bool Equal(string name, IReadOnlyList<object?> args)
    {
        var first = args[0] is NoValue ? null : args[0];
        var firstKind = GoValues.KindOf(first);
        foreach (var raw in args.Skip(1))
        {
            var other = raw is NoValue ? null : raw;
            var kind = GoValues.KindOf(other);
            bool truth;
            if (firstKind != kind)
            {
                if (firstKind is GoValues.Kind.Int or GoValues.Kind.Uint && kind is GoValues.Kind.Int or GoValues.Kind.Uint)
                {
                    truth = GoValues.ToInt64(first!) == GoValues.ToInt64(other!);
                }
                else if (first is not null && other is not null)
                {
                    throw new ExecutionError($"error calling {name}: incompatible types for comparison");
                }
                else
                {
                    truth = false;
                }
            }
            else
            {
                truth = firstKind switch
                {
                    GoValues.Kind.Invalid => true,
                    GoValues.Kind.Int or GoValues.Kind.Uint => GoValues.ToInt64(first!) == GoValues.ToInt64(other!),
                    GoValues.Kind.Float => System.Convert.ToDouble(first, CultureInfo.InvariantCulture) == System.Convert.ToDouble(other, CultureInfo.InvariantCulture),
                    GoValues.Kind.Other when first is IEnumerable or IDictionary => throw new ExecutionError($"error calling {name}: non-comparable type {GoValues.TypeName(first)}"),
                    _ => Equals(first, other),
                };
            }

            if (truth)
            {
                return true;
            }
        }

        return false;
    }

    private static int Compare(string name, IReadOnlyList<object?> args)
    {
        var (a, b) = (args[0], args[1]);
        var (ka, kb) = (GoValues.KindOf(a), GoValues.KindOf(b));
        if (ka is GoValues.Kind.Int or GoValues.Kind.Uint && kb is GoValues.Kind.Int or GoValues.Kind.Uint)
        {
            return GoValues.ToInt64(a!).CompareTo(GoValues.ToInt64(b!));
        }

        if (ka != kb)
        {
            throw new ExecutionError($"error calling {name}: incompatible types for comparison");
        }

        return ka switch
        {
            GoValues.Kind.Float => System.Convert.ToDouble(a, CultureInfo.InvariantCulture).CompareTo(System.Convert.ToDouble(b, CultureInfo.InvariantCulture)),
            GoValues.Kind.String => string.CompareOrdinal((string)a!, (string)b!),
            _ => throw new ExecutionError($"error calling {name}: invalid type for comparison"),
        };
    }

    private static string Html(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '"' => "&#34;",
                '\'' => "&#39;",
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '\0' => "\uFFFD",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private static string Js(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            escaped.Append(rune.Value switch
            {
                '\\' => "\\\\",
                '\'' => "\\'",
                '"' => "\\\"",
                '<' => "\\u003C",
                '>' => "\\u003E",
                '&' => "\\u0026",
                '=' => "\\u003D",
                < 0x20 => $"\\u{rune.Value:X4}",
                _ => rune.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>url.QueryEscape: unreserved characters kept, space as '+', every other byte as %XX.</summary>
    private static string UrlQuery(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                escaped.Append(c);
            }
            else if (c == ' ')
            {
                escaped.Append('+');
            }
            else
            {
                escaped.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }
}
