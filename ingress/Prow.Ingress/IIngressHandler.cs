
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
}
