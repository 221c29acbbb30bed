namespace Orleans.Runtime;

/// <summary>The activation whose grain is being constructed on this thread, so <see cref="Grain"/>'s constructor can bind to it.</summary>
internal static class RuntimeContext
{
    [ThreadStatic]
    private static IGrainContext? t_constructing;

    internal static IGrainContext? Constructing => t_constructing;

    internal static IDisposable EnterConstruction(IGrainContext context)
    {
        var previous = t_constructing;
        t_constructing = context;
        return new Scope(previous);
    }

    private sealed class Scope(IGrainContext? previous) : IDisposable
    {
        public void Dispose() => t_constructing = previous;
    }
}
