namespace Orleans.Runtime;

/// <summary>
/// A call would wait on an activation that is itself waiting, somewhere up the call chain, for this call:
/// the runtime fails it at once instead of letting both hang.
/// </summary>
public sealed class DeadlockException : Exception
{
    public DeadlockException()
    {
    }

    public DeadlockException(string message)
        : base(message)
    {
    }

    public DeadlockException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DeadlockException(IReadOnlyList<GrainId> callChain)
        : base("Call cycle detected, failing the call instead of deadlocking: " + string.Join(" -> ", callChain))
    {
        CallChain = callChain;
    }

    public IReadOnlyList<GrainId> CallChain { get; } = [];
}
