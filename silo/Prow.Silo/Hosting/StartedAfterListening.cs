using Microsoft.Extensions.Hosting;

namespace Prow.Silo.Hosting;

/// <summary>
/// Starts a background component (periodics, tide, the job resumer...) only once every service has started, Kestrel's
/// listener included: a prow that cannot take its port stops before any job runs or any GitHub call is made.
/// </summary>
internal sealed class StartedAfterListening<T>(T inner) : IHostedLifecycleService
    where T : IHostedService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => inner.StartAsync(cancellationToken);

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => inner.StopAsync(cancellationToken);

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
