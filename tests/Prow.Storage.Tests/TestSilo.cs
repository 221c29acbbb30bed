using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;
using Prow.TestKit;

namespace Prow.Storage.Tests;

/// <summary>A real single silo on loopback ports of its own, with fast reminders, hosted the way the Prow silo hosts one.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private TestSilo(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public TickProbe Probe => _host.Services.GetRequiredService<TickProbe>();

    /// <summary>Starts a silo; <paramref name="clustering"/> replaces the single-silo localhost clustering (it is given the silo and gateway ports).</summary>
    public static async Task<TestSilo> StartAsync(Action<ISiloBuilder> storage, Action<ISiloBuilder, int, int>? clustering = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            if (clustering is null)
            {
                silo.UseLocalhostClustering(siloPort: LoopbackPort.Free(), gatewayPort: LoopbackPort.Free(), serviceId: "prow-storage-tests", clusterId: "prow-storage-tests");
            }
            else
            {
                clustering(silo, LoopbackPort.Free(), LoopbackPort.Free());
            }

            silo.Configure<ReminderOptions>(options =>
            {
                options.MinimumReminderPeriod = TimeSpan.FromMilliseconds(100);
                options.RefreshReminderListPeriod = TimeSpan.FromMilliseconds(500);
                options.ReminderLoadingWindow = TimeSpan.FromSeconds(5);
            });
            silo.Services.AddSingleton<TickProbe>();
            storage(silo);
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new TestSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
        }
        finally
        {
            if (_host is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync();
            }
            else
            {
                _host.Dispose();
            }
        }
    }
}
