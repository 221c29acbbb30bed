namespace Prow.Ingress;

/// <summary>
/// Handles the stored inputs of one kind. The pipeline marks an input complete when the returned task succeeds, so
/// the task should cover the grain turn that commits its effect. Start the grain call before the first await:
/// inputs are started in arrival order, and that is what keeps them in order at the grain.
/// Handlers must be idempotent: after a crash an input may be handled again.
/// </summary>
public interface IIngressHandler
{
    string Kind { get; }

    Task HandleAsync(IngressEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// What the input is for (a grain's key), or null. Inputs for one target are handled one at a time in arrival
    /// order and only one of them holds a handling slot, so a target that is slow to answer holds one slot while its
    /// other inputs wait without any, and inputs for other targets go past them.
    /// </summary>
    string? TargetOf(IngressEntry entry) => null;
}
