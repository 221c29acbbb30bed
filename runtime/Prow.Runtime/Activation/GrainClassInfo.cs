using System.Reflection;
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace Prow.Runtime.Activation;

/// <summary>What the runtime knows about a grain class: its type name, reentrancy and how to construct it.</summary>
internal sealed class GrainClassInfo
{
    public GrainClassInfo(Type grainClass)
    {
        if (!typeof(Grain).IsAssignableFrom(grainClass) || grainClass.IsAbstract)
        {
            throw new ArgumentException($"{grainClass.Name} must be a concrete class deriving from Grain.", nameof(grainClass));
        }

        GrainClass = grainClass;
        GrainType = grainClass.GetCustomAttribute<GrainTypeAttribute>()?.GrainType ?? DefaultTypeName(grainClass);
        Reentrant = grainClass.GetCustomAttribute<ReentrantAttribute>() is not null;
        Remindable = typeof(IRemindable).IsAssignableFrom(grainClass);

        var constructors = grainClass.GetConstructors();
        Constructor = constructors.Length == 1
            ? constructors[0]
            : throw new ArgumentException($"{grainClass.Name} must have exactly one public constructor.", nameof(grainClass));
        Parameters = [.. Constructor.GetParameters().Select(p => new ParameterInfoEntry(p.ParameterType, p.GetCustomAttribute<PersistentStateAttribute>()))];
        foreach (var parameter in Parameters.Where(p => p.PersistentState is not null))
        {
            if (!parameter.Type.IsGenericType || parameter.Type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
            {
                throw new ArgumentException($"{grainClass.Name}: [PersistentState] goes on an IPersistentState<T> parameter, not {parameter.Type.Name}.", nameof(grainClass));
            }
        }
    }

    public Type GrainClass { get; }

    public string GrainType { get; }

    public bool Reentrant { get; }

    public bool Remindable { get; }

    public ConstructorInfo Constructor { get; }

    public IReadOnlyList<ParameterInfoEntry> Parameters { get; }

    /// <summary>Orleans' convention: the class name without a trailing "Grain", lower-cased.</summary>
    private static string DefaultTypeName(Type grainClass)
    {
        var name = grainClass.Name;
        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length)
        {
            name = name[..^"Grain".Length];
        }

        return name.ToLowerInvariant();
    }

    internal sealed record ParameterInfoEntry(Type Type, PersistentStateAttribute? PersistentState);
}
