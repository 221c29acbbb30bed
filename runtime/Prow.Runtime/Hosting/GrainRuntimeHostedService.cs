using Microsoft.Extensions.Hosting;
using Prow.Runtime.Ingress;
using Prow.Runtime.Reminders;

namespace Prow.Runtime.Hosting;

/// <summary>
/// Starts the runtime's moving parts and stops them in the order that loses nothing: no new inputs, in-flight
/// inputs finished, reminders stopped, then every activation drained and deactivated.
/// </summary>
internal sealed class GrainRuntimeHostedService(GrainRuntime runtime, ReminderService reminders, IngressPipeline ingress, GrainRuntimeOptions options, TimeProvider timeProvider) : IHostedService, IAsyncDisposable
{
    private ITimer? _idleCollector;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await reminders.StartAsync(cancellationToken);
        await ingress.StartAsync(cancellationToken);
        _idleCollector = timeProvider.CreateTimer(static s => ((GrainRuntime)s!).CollectIdleActivations(), runtime, options.CollectionQuantum, options.CollectionQuantum);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ShutdownTimeout);
        _idleCollector?.Dispose();
        await ingress.StopAsync(timeout.Token);
        await reminders.DisposeAsync();
        await runtime.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        _idleCollector?.Dispose();
        await ingress.DisposeAsync();
    }
}
