namespace Orleans.Runtime;

/// <summary>Marks a constructor parameter of type <see cref="IPersistentState{TState}"/> for injection.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    public string StateName { get; } = stateName;

    /// <summary>The named storage provider; null means the default one.</summary>
    public string? StorageName { get; } = storageName;
}
