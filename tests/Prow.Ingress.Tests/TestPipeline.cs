using System.Text;
using Microsoft.Extensions.Logging.Abstractions;

namespace Prow.Ingress.Tests;

/// <summary>An <see cref="IngressPipeline"/> built by hand over a store the test keeps, so a restart is a new one over the same store.</summary>
internal sealed class TestPipeline : IAsyncDisposable
{
    private bool _stopped;

    private TestPipeline(IngressPipeline pipeline, IIngressStore store, IngressMetrics metrics)
    {
        Pipeline = pipeline;
        Store = store;
        Metrics = metrics;
    }

    public IngressPipeline Pipeline { get; }

    public IIngressStore Store { get; }

    public IngressMetrics Metrics { get; }

    public static async Task<TestPipeline> StartAsync(IIngressStore store, IEnumerable<IIngressHandler> handlers, Action<IngressOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new IngressOptions();
        configure?.Invoke(options);
        var metrics = new IngressMetrics();
        var pipeline = new IngressPipeline(store, handlers, options, metrics, time ?? TimeProvider.System, NullLogger<IngressPipeline>.Instance);
        await pipeline.StartAsync(CancellationToken.None);
        return new TestPipeline(pipeline, store, metrics);
    }

    public static IngressMessage Message(string payload, string? dedupeKey, string kind = RecordingHandler.DefaultKind) => new(kind, dedupeKey, Encoding.UTF8.GetBytes(payload));

    public Task<IngressAppendResult> AcceptAsync(string payload, string? dedupeKey, CancellationToken cancellationToken = default) =>
        Pipeline.AcceptAsync(Message(payload, dedupeKey), cancellationToken);

    public Task<IngressCounts> CountAsync() => Store.CountAsync(CancellationToken.None);

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        _stopped = true;
        await Pipeline.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            // Bounded, so a test that fails with a handler still blocked does not hang here.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await StopAsync(timeout.Token);
        }

        await Pipeline.DisposeAsync();
        Metrics.Dispose();
    }
}
