namespace Prow.Runtime.Activation;

internal enum EnqueueResult
{
    Accepted,
    /// <summary>The activation is going away: wait for it, then send to a fresh one.</summary>
    Retry,
    /// <summary>The call would wait on a turn that waits on it.</summary>
    Deadlock,
}
