using Orleans.Serialization;

namespace Prow.Silo.Hosting;

/// <summary>
/// Lets Orleans name our own types on the wire. Orleans allows the types of assemblies its code generator saw;
/// a Prow library without Orleans (the Go template engine, the clients) is not one of them, so an exception it
/// throws through a grain would fail to serialize on its way to a caller on another silo.
/// </summary>
internal sealed class ProwTypeNameFilter : ITypeNameFilter
{
    public bool? IsTypeNameAllowed(string typeName, string assemblyName) =>
        typeName.StartsWith("Prow.", StringComparison.Ordinal) && assemblyName.StartsWith("Prow.", StringComparison.Ordinal) ? true : null;
}
