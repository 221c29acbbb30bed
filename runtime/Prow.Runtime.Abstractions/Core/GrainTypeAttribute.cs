namespace Orleans;

/// <summary>Names a grain class's type explicitly. The name keys persisted state, so it must never change once data exists.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class GrainTypeAttribute(string grainType) : Attribute
{
    public string GrainType { get; } = grainType;
}
