using System.Reflection;
using Orleans;
using Prow.GrainInterfaces;

namespace Prow.Silo.Tests;

/// <summary>
/// What crosses a grain boundary, found by reflection: every method of every grain interface in Prow.GrainInterfaces,
/// its parameter types and its result (Task and ValueTask unwrapped), and recursively what those types are made of
/// (generic arguments, and the public properties of our own records). A new method or record is covered without
/// anyone remembering to list it.
/// </summary>
internal static class GrainContracts
{
    public static Assembly Assembly { get; } = typeof(IRepositoryGrain).Assembly;

    public static IReadOnlyList<Type> GrainInterfaces { get; } =
        [.. Assembly.GetExportedTypes().Where(t => t.IsInterface && typeof(IGrain).IsAssignableFrom(t)).OrderBy(t => t.FullName, StringComparer.Ordinal)];

    /// <summary>Each method as <c>IFooGrain.BarAsync</c>, with the types it sends and receives as declared.</summary>
    public static IReadOnlyList<(string Method, IReadOnlyList<Type> Types)> Methods { get; } =
        [.. GrainInterfaces.SelectMany(i => i.GetInterfaces().Prepend(i).Distinct().SelectMany(d => d.GetMethods().Select(m => ($"{i.Name}.{m.Name}", Signature(m)))))];

    /// <summary>The declared types methods send and receive, each once.</summary>
    public static IReadOnlyList<Type> RootTypes { get; } = [.. Methods.SelectMany(m => m.Types).Distinct().OrderBy(Name, StringComparer.Ordinal)];

    /// <summary>Every type a message can hold: the roots and what they are made of.</summary>
    public static IReadOnlyList<Type> AllTypes { get; } = Closure(RootTypes);

    /// <summary>Our own types among <see cref="AllTypes"/>: each needs a generated serializer.</summary>
    public static IReadOnlyList<Type> OwnTypes { get; } = [.. AllTypes.Where(t => t.Assembly == Assembly)];

    public static string Name(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>" : type.Name;

    private static IReadOnlyList<Type> Signature(MethodInfo method)
    {
        // Orleans carries a CancellationToken itself, as a cancellation, not as a value.
        var types = method.GetParameters().Select(p => p.ParameterType).Where(t => t != typeof(CancellationToken)).ToList();
        if (Unwrap(method.ReturnType) is { } result)
        {
            types.Add(result);
        }

        return types;
    }

    /// <summary>What a call answers: T for Task&lt;T&gt; and ValueTask&lt;T&gt;, nothing for Task and ValueTask.</summary>
    private static Type? Unwrap(Type type)
    {
        if (type == typeof(Task) || type == typeof(ValueTask) || type == typeof(void))
        {
            return null;
        }

        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            return type.GetGenericArguments()[0];
        }

        throw new InvalidOperationException($"a grain method answers {type}: Orleans calls answer Task or ValueTask");
    }

    private static IReadOnlyList<Type> Closure(IEnumerable<Type> roots)
    {
        var seen = new HashSet<Type>();
        var pending = new Queue<Type>(roots);
        while (pending.TryDequeue(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }

            var parts = type.IsArray ? [type.GetElementType()!] : type.GetGenericArguments().AsEnumerable();
            if (type.Assembly == Assembly)
            {
                // Computed properties (no setter) are not sent; the properties they are computed from are.
                parts = parts.Concat(type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.PropertyType));
            }

            foreach (var part in parts)
            {
                pending.Enqueue(part);
            }
        }

        return [.. seen.OrderBy(Name, StringComparer.Ordinal)];
    }
}
