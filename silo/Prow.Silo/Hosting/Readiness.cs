using Microsoft.Extensions.Hosting;
using Prow.Ingress;

namespace Prow.Silo.Hosting;

/// <summary>What <c>/healthz/ready</c> says: ready, or what this process's role is still waiting for.</summary>
internal sealed class Readiness(ProwRole role)
{
    public ProwRole Role => role;

    /// <returns>What the process waits for; null when it is ready.</returns>
    public string? WaitingFor(IngressPipeline ingress, IHostApplicationLifetime lifetime) =>
        lifetime.ApplicationStopping.IsCancellationRequested ? "nothing: it is shutting down"
        : !lifetime.ApplicationStarted.IsCancellationRequested
            ? role == ProwRole.Gateway ? "a worker (a gateway starts once it reaches one)" : "the Orleans silo to start"
        : !ingress.IsReady ? "the inbox to queue the webhooks pending at the last stop"
        : null;
}
