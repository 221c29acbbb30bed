using Orleans;

namespace Prow.Runtime.Activation;

/// <summary>The grain classes this silo hosts, by interface and by type name. Filled by explicit registration, not scanning.</summary>
public sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, GrainClassInfo> _byInterface = [];
    private readonly Dictionary<string, GrainClassInfo> _byTypeName = new(StringComparer.Ordinal);

    public void Register(Type grainInterface, Type grainClass)
    {
        ArgumentNullException.ThrowIfNull(grainInterface);
        ArgumentNullException.ThrowIfNull(grainClass);
        if (!grainInterface.IsInterface || !typeof(IGrainWithStringKey).IsAssignableFrom(grainInterface))
        {
            throw new ArgumentException($"{grainInterface.Name} must be an interface extending IGrainWithStringKey.", nameof(grainInterface));
        }

        if (!grainInterface.IsAssignableFrom(grainClass))
        {
            throw new ArgumentException($"{grainClass.Name} does not implement {grainInterface.Name}.", nameof(grainClass));
        }

        var info = new GrainClassInfo(grainClass);
        if (_byTypeName.TryGetValue(info.GrainType, out var existing))
        {
            info = existing.GrainClass == grainClass
                ? existing
                : throw new ArgumentException($"Grain type name '{info.GrainType}' is used by both {existing.GrainClass.Name} and {grainClass.Name}.", nameof(grainClass));
        }
        else
        {
            _byTypeName.Add(info.GrainType, info);
        }

        _byInterface[grainInterface] = info;
    }

    public IEnumerable<string> GrainTypes => _byTypeName.Keys;

    internal GrainClassInfo ForInterface(Type grainInterface) =>
        _byInterface.TryGetValue(grainInterface, out var info)
            ? info
            : throw new ArgumentException($"No grain class is registered for {grainInterface.Name}.", nameof(grainInterface));

    internal GrainClassInfo ForType(string grainType) =>
        _byTypeName.TryGetValue(grainType, out var info)
            ? info
            : throw new ArgumentException($"No grain class is registered for grain type '{grainType}'.", nameof(grainType));
}
