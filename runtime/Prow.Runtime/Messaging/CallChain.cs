using Orleans.Runtime;
using Prow.Runtime.Activation;

namespace Prow.Runtime.Messaging;

/// <summary>
/// The logical call chain: which activation turns are waiting, directly or through others, on the current call.
/// A call that targets an activation whose waiting turn is in its chain would deadlock, so it is failed at once.
/// </summary>
internal sealed class CallChain(ActivationData activation, long turnId, CallChain? parent)
{
    private static readonly AsyncLocal<CallChain?> s_current = new();

    public static CallChain? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    public ActivationData Activation { get; } = activation;

    public long TurnId { get; } = turnId;

    public CallChain? Parent { get; } = parent;

    public bool IsWaitingOn(ActivationData activation, long turnId)
    {
        for (var link = this; link is not null; link = link.Parent)
        {
            if (ReferenceEquals(link.Activation, activation) && link.TurnId == turnId)
            {
                return true;
            }
        }

        return false;
    }

    public IReadOnlyList<GrainId> ToGrainIds(GrainId target)
    {
        var ids = new List<GrainId>();
        for (var link = this; link is not null; link = link.Parent)
        {
            ids.Add(link.Activation.GrainId);
        }

        ids.Reverse();
        ids.Add(target);
        return ids;
    }
}
