using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Prow.Runtime.Hosting;
using Prow.Runtime.Ingress;

namespace Prow.Runtime.Tests;

/// <summary>An in-process silo with the test grains, started and stopped like the real host.</summary>
internal sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private TestSilo(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public GrainRuntime Runtime => _host.Services.GetRequiredService<GrainRuntime>();

    public IngressPipeline Ingress => _host.Services.GetRequiredService<IngressPipeline>();

    public TestProbe Probe => _host.Services.GetRequiredService<TestProbe>();

    public static async Task<TestSilo> StartAsync(Action<GrainRuntimeBuilder> storage, Action<GrainRuntimeOptions>? options = null, TestProbe? probe = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(probe ?? new TestProbe());
        builder.Services.AddGrainRuntime(runtime =>
        {
            runtime.AddGrain<ICounterGrain, CounterGrain>()
                .AddGrain<IOrderGrain, OrderGrain>()
                .AddGrain<ICycleGrain, CycleGrain>()
                .AddGrain<IReentrantCycleGrain, ReentrantCycleGrain>()
                .AddGrain<IReminderTestGrain, ReminderTestGrain>()
                .AddGrain<ITimerTestGrain, TimerTestGrain>()
                .AddIngressHandler<CounterIngressHandler>()
                .Configure(o =>
                {
                    o.MinimumReminderPeriod = TimeSpan.FromMilliseconds(50);
                    o.ShutdownTimeout = TimeSpan.FromSeconds(10);
                    o.SerializeCalls = true;
                    options?.Invoke(o);
                });
            storage(runtime);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new TestSilo(host);
    }

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
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
