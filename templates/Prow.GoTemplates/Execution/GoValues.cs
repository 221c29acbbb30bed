using System.Collections;
using System.Reflection;

namespace Prow.GoTemplates.Execution;

/// <summary>
/// How .NET values stand in for Go's: an <see cref="IDictionary"/> is a map (a missing key is "no value"), a list
/// or other sequence is a slice, any other object is a struct whose fields are its public properties (read by
/// their exact name, as Go's exported fields), and null is nil.
/// </summary>
internal static class GoValues
{
    public enum Kind
    {
        Invalid,
        Bool,
        Int,
        Uint,
        Float,
        String,
        Other,
    }

    public static bool IsTrue(object? value) => value switch
    {
        null or NoValue => false,
        bool b => b,
        string s => s.Length > 0,
        _ when KindOf(value) == Kind.Int => ToInt64(value) != 0,
        _ when KindOf(value) == Kind.Uint => Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture) != 0,
        float or double => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture) != 0,
        ICollection c => c.Count > 0,
        IEnumerable e => e.GetEnumerator().MoveNext(),
        _ => true,
    };

    public static Kind KindOf(object? value) => value switch
    {
        null or NoValue => Kind.Invalid,
        bool => Kind.Bool,
        sbyte or short or int or long or nint => Kind.Int,
        byte or ushort or uint or ulong or nuint => Kind.Uint,
        float or double => Kind.Float,
        string => Kind.String,
        Enum => Kind.Int,
        _ => Kind.Other,
    };

    public static long ToInt64(object value) => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsSequence(object? value) => value is IEnumerable and not string and not IDictionary;

    /// <summary>Go's name for the value's type, for messages.</summary>
    public static string TypeName(object? value) => value switch
    {
        null => "<nil>",
        NoValue => "interface {}",
        string => "string",
        bool => "bool",
        int or long => "int",
        double => "float64",
        float => "float32",
        IDictionary => "map[string]interface {}",
        IEnumerable => "[]interface {}",
        _ => value.GetType().Name,
    };

    /// <summary>Reads one field (or calls a method of that name) on <paramref name="receiver"/>.</summary>
    /// <param name="receiverType">Go's name for the receiver's type, for the message when it is nil.</param>
    /// <param name="valueType">Go's name for the result's type, should it be nil.</param>
    public static object? Field(object? receiver, string name, IReadOnlyList<object?> args, string receiverType, out string valueType)
    {
        valueType = "interface {}";
        switch (receiver)
        {
            case null or NoValue:
                throw new ExecutionError($"nil pointer evaluating {receiverType}.{name}");
            case IDictionary map:
                if (args.Count > 0)
                {
                    throw new ExecutionError($"{name} is not a method but has arguments");
                }

                return map.Contains(name) && map[name] is { } found ? found : NoValue.Instance;
        }

        var type = receiver.GetType();
        var method = Array.Find(type.GetMethods(BindingFlags.Public | BindingFlags.Instance), m =>
            m.Name == name && !m.IsSpecialName && m.DeclaringType != typeof(object) && m.GetParameters().Length == args.Count);
        if (method is not null)
        {
            return Builtins.Call(name, method, receiver, args);
        }

        var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
        if (property is null || property.GetIndexParameters().Length > 0)
        {
            throw new ExecutionError($"can't evaluate field {name} in type {TypeName(receiver)}");
        }

        if (args.Count > 0)
        {
            throw new ExecutionError($"{name} has arguments but cannot be invoked as function");
        }

        valueType = "*" + (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType).Name;
        return property.GetValue(receiver);
    }
}
