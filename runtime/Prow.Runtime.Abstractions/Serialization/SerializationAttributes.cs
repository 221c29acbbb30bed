namespace Orleans;

// Orleans' serializer markers. Here calls and state are serialized with System.Text.Json, which needs none of
// them, but grain contracts keep them so they compile unchanged against Orleans' code generator.

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum, Inherited = false)]
public sealed class GenerateSerializerAttribute : Attribute;

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class ImmutableAttribute : Attribute;

[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
public sealed class IdAttribute(uint id) : Attribute
{
    public uint Id { get; } = id;
}

[AttributeUsage(AttributeTargets.All, Inherited = false)]
public sealed class AliasAttribute(string alias) : Attribute
{
    public string Alias { get; } = alias;
}
