using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace Prow.Silo.Tests;

/// <summary>
/// A value of any contract type with every field set to something other than its default, so a field the serializer
/// drops (a property without an <c>[Id]</c>) comes back different. Lists are built with collection expressions, as the
/// grains build them, so the runtime types are the compiler's own.
/// </summary>
internal sealed class ContractSamples
{
    /// <summary>A pod spec as a job config gives it: nested objects, arrays, numbers, strings that need escaping.</summary>
    public static JsonElement PodSpec { get; } = JsonDocument.Parse("""
        {
          "containers": [{
            "name": "test",
            "image": "alpine:3.20",
            "command": ["sh", "-c"],
            "args": ["echo \"quoted\" && exit 0"],
            "env": [{"name": "GOFLAGS", "value": "-mod=vendor"}],
            "resources": {"requests": {"cpu": "2", "memory": "4Gi"}}
          }],
          "nodeSelector": {"kubernetes.io/arch": "amd64"},
          "terminationGracePeriodSeconds": 30,
          "hostNetwork": false,
          "dnsConfig": null
        }
        """).RootElement.Clone();

    private static readonly MethodInfo s_list = typeof(ContractSamples).GetMethod(nameof(ListOf), BindingFlags.NonPublic | BindingFlags.Static)!;
    private int _next;

    /// <summary>A new value of <paramref name="type"/>; throws for a type it cannot make (say how, here).</summary>
    public object? Of(Type type)
    {
        var n = ++_next;
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Of(underlying);
        }

        if (type == typeof(string))
        {
            return $"value-{n}";
        }

        if (type == typeof(int))
        {
            return n;
        }

        if (type == typeof(long))
        {
            return 1_000_000_000_000L + n;
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(DateTimeOffset))
        {
            // An offset other than UTC, and ticks below a millisecond: both must survive.
            return new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.FromHours(2)).AddTicks(n * 1_234_567L);
        }

        if (type == typeof(JsonElement))
        {
            return PodSpec;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var element = type.GetGenericArguments()[0];
            return s_list.MakeGenericMethod(element).Invoke(null, [Of(element), Of(element)]);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            var arguments = type.GetGenericArguments();
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
            dictionary.Add(Of(arguments[0])!, Of(arguments[1]));
            dictionary.Add(Of(arguments[0])!, Of(arguments[1]));
            return dictionary;
        }

        if (type.Assembly == GrainContracts.Assembly && type.IsClass)
        {
            return Record(type);
        }

        if (type.IsValueType)
        {
            // Orleans' own structs (a reminder's TickStatus): their codecs are Orleans' business; the default value will do.
            return Activator.CreateInstance(type);
        }

        throw new InvalidOperationException($"no sample for {GrainContracts.Name(type)}: teach {nameof(ContractSamples)} to make one");
    }

    /// <summary>Two elements, as a collection expression makes them (the compiler picks the runtime type).</summary>
    private static IReadOnlyList<T> ListOf<T>(T first, T second) => [first, second];

    /// <summary>Through its widest constructor, then every settable property the constructor left at its default.</summary>
    private object Record(Type type)
    {
        var constructor = type.GetConstructors().MaxBy(c => c.GetParameters().Length)
            ?? throw new InvalidOperationException($"{type} has no public constructor");
        var value = constructor.Invoke([.. constructor.GetParameters().Select(p => Of(p.ParameterType))]);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            if (!constructor.GetParameters().Any(p => string.Equals(p.Name, property.Name, StringComparison.Ordinal)))
            {
                property.SetValue(value, Of(property.PropertyType));
            }
        }

        return value;
    }
}
