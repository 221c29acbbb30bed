using Microsoft.Extensions.Hosting;

namespace Prow.Ingress;

/// <summary>
/// Starts the inbox after the silo (registered after it, so grain calls work when replay begins) and stops it
/// first: no new inputs, in-flight ones finished within <see cref="IngressOptions.ShutdownTimeout"/>, before the silo goes.
/// </summary>
internal sealed class IngressHostedService(IngressPipeline pipeline, IngressOptions options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => pipeline.StartAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ShutdownTimeout);
        await pipeline.StopAsync(timeout.Token);
    }
}
