using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Prow.Storage.Sqlite;
using Prow.TestKit;
using static Prow.Ingress.Tests.RecordingHandler;

namespace Prow.Ingress.Tests;

/// <summary>The inbox as a host runs it: <see cref="IngressServiceCollectionExtensions.AddDurableIngress"/> and a handler from the container.</summary>
public sealed class IngressHostTests
{
    [Fact]
    public async Task Host_StartsTheInbox_HandlesThroughTheRegisteredHandler_AndStopsIt()
    {
        using var host = Build(services => services.AddDurableIngress());
        await host.StartAsync();
        var ingress = host.Services.GetRequiredService<IngressPipeline>();
        var handler = host.Services.GetRequiredService<RecordingHandler>();
        var store = host.Services.GetRequiredService<IIngressStore>();

        Assert.True(ingress.IsReady);
        Assert.IsType<MemoryIngressStore>(store);
        await ingress.AcceptAsync(TestPipeline.Message("hello", "d1"), CancellationToken.None);
        await Poll.UntilAsync(() => handler.Succeeded.Count == 1);
        await host.StopAsync();

        Assert.Equal(["hello"], handler.Started.Select(Text));
        Assert.Equal(new IngressCounts(0, 1, 0), await store.CountAsync(CancellationToken.None));
        Assert.Equal(new IngressSnapshot(Accepted: 1, Duplicates: 0, Handled: 1, Failures: 0, InFlight: 0), host.Services.GetRequiredService<IngressMetrics>().Snapshot());
        await Assert.ThrowsAsync<InvalidOperationException>(() => ingress.AcceptAsync(TestPipeline.Message("late", null), CancellationToken.None));
    }

    [Fact]
    public async Task Host_Options_ReachThePipeline()
    {
        using var host = Build(services => services.AddDurableIngress(o => o.MaxAttempts = 2));
        var handler = host.Services.GetRequiredService<RecordingHandler>();
        handler.Behavior = (_, _) => Task.FromException(new InvalidOperationException("always fails"));
        await host.StartAsync();
        var store = host.Services.GetRequiredService<IIngressStore>();

        await host.Services.GetRequiredService<IngressPipeline>().AcceptAsync(TestPipeline.Message("bad", null), CancellationToken.None);

        await Poll.UntilAsync(async () => (await store.CountAsync(CancellationToken.None)).Failed == 1);
        Assert.Equal([0, 1], handler.Started.Select(e => e.Attempts));
        await host.StopAsync();
    }

    [Fact]
    public async Task Host_ShutdownTimeout_BoundsTheStop_AndTheUnfinishedInputStaysPending()
    {
        var never = new TaskCompletionSource();
        using var host = Build(services => services.AddDurableIngress(o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(200)));
        var handler = host.Services.GetRequiredService<RecordingHandler>();
        handler.Behavior = (_, _) => never.Task;
        await host.StartAsync();
        var store = host.Services.GetRequiredService<IIngressStore>();

        await host.Services.GetRequiredService<IngressPipeline>().AcceptAsync(TestPipeline.Message("stuck", null), CancellationToken.None);
        await Poll.UntilAsync(() => handler.Started.Count == 1);
        await host.StopAsync().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(new IngressCounts(1, 0, 0), await store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Host_WithSqliteStore_HeldInputsAreReplayedByTheNextHost()
    {
        using var folder = new TempFolder();
        var path = folder.File("prow.db");

        await using (var database = SqliteDatabase.Open(path))
        {
            using var held = Build(services =>
            {
                services.AddDurableIngress(o => o.Hold = true);
                services.AddSingleton<IIngressStore>(sp => new SqliteIngressStore(database, sp.GetRequiredService<TimeProvider>()));
            });
            await held.StartAsync();
            var ingress = held.Services.GetRequiredService<IngressPipeline>();
            for (var i = 0; i < 10; i++)
            {
                await ingress.AcceptAsync(TestPipeline.Message($"m{i}", $"d{i}"), CancellationToken.None);
            }

            await held.StopAsync();
            Assert.Empty(held.Services.GetRequiredService<RecordingHandler>().Started);
        }

        await using (var database = SqliteDatabase.Open(path))
        {
            using var resumed = Build(services =>
            {
                services.AddDurableIngress();
                services.AddSingleton<IIngressStore>(sp => new SqliteIngressStore(database, sp.GetRequiredService<TimeProvider>()));
            });
            await resumed.StartAsync();
            var store = resumed.Services.GetRequiredService<IIngressStore>();
            var handler = resumed.Services.GetRequiredService<RecordingHandler>();

            await Poll.UntilAsync(async () => (await store.CountAsync(CancellationToken.None)).Completed == 10);
            await resumed.StopAsync();
            Assert.Equal(Enumerable.Range(0, 10).Select(i => $"m{i}"), handler.Started.Select(Text));
        }
    }

    [Fact]
    public async Task Host_Metrics_ArePublishedOnTheHostsMeter()
    {
        using var host = Build(services => services.AddDurableIngress());
        await host.StartAsync();
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        var ingress = host.Services.GetRequiredService<IngressPipeline>();
        await ingress.AcceptAsync(TestPipeline.Message("a", "d1"), CancellationToken.None);
        await ingress.AcceptAsync(TestPipeline.Message("a", "d1"), CancellationToken.None);
        await Poll.UntilAsync(() => host.Services.GetRequiredService<IngressMetrics>().Snapshot().Handled == 1);

        var measured = new Dictionary<string, long>();
        using (var listener = new MeterListener())
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == IngressMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => measured[instrument.Name] = value);
            listener.Start();
            listener.RecordObservableInstruments();
        }

        await host.StopAsync();
        Assert.Equal(1, measured["ingress_accepted_total"]);
        Assert.Equal(1, measured["ingress_duplicates_total"]);
        Assert.Equal(1, measured["ingress_handled_total"]);
        Assert.Equal(0, measured["ingress_failures_total"]);
        Assert.Equal(0, measured["ingress_in_flight"]);
    }

    private static IHost Build(Action<IServiceCollection> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(new RecordingHandler());
        configure(builder.Services);
        builder.Services.AddIngressHandler<HostedHandler>();
        return builder.Build();
    }

    /// <summary>A handler the container builds, passing each input on to the test's recorder.</summary>
    private sealed class HostedHandler(RecordingHandler recorder) : IIngressHandler
    {
        public string Kind => recorder.Kind;

        public Task HandleAsync(IngressEntry entry, CancellationToken cancellationToken) => recorder.HandleAsync(entry, cancellationToken);
    }
}
