using System.Reflection;
using Orleans.Runtime;

namespace Prow.Runtime.Messaging;

/// <summary>
/// A typed reference to a grain: a proxy implementing the grain interface whose every method becomes a message
/// to the grain's activation. Creating one does no I/O.
/// </summary>
public class GrainReference : DispatchProxy
{
    private GrainRuntime? _runtime;

    public GrainId GrainId { get; private set; }

    internal static TInterface Create<TInterface>(GrainRuntime runtime, GrainId grainId)
    {
        var proxy = Create<TInterface, GrainReference>();
        var reference = (GrainReference)(object)proxy!;
        reference._runtime = runtime;
        reference.GrainId = grainId;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var method = MethodDescriptor.For(targetMethod);
        return method.Send(_runtime!, GrainId, method, args ?? []);
    }

    public override string ToString() => GrainId.ToString();
}
