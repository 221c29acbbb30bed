using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Prow.TestKit.Metrics;

/// <summary>
/// A Prometheus Pushgateway on loopback: it accepts pushes (PUT and POST under <c>/metrics/job/...</c>) as the real one
/// does, answering 200, and records each with its method, path, content type and body.
/// </summary>
public sealed class FakePushgateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly List<FakePush> _pushes = [];

    private FakePushgateway()
    {
        _app = LoopbackApp.CreateBuilder().Build();
        _app.Run(HandleAsync);
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary><c>host:port</c>, as Prow's configs name their Pushgateway (no scheme).</summary>
    public string HostAndPort => $"{BaseAddress.Host}:{BaseAddress.Port}";

    public IReadOnlyList<FakePush> Pushes
    {
        get
        {
            lock (_lock)
            {
                return [.. _pushes];
            }
        }
    }

    public static async Task<FakePushgateway> StartAsync(CancellationToken cancellationToken = default)
    {
        var gateway = new FakePushgateway();
        gateway.BaseAddress = await LoopbackApp.StartAsync(gateway._app, cancellationToken);
        return gateway;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Method is not ("PUT" or "POST") || !request.Path.StartsWithSegments("/metrics/job", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        lock (_lock)
        {
            _pushes.Add(new FakePush(request.Method, request.Path.Value!, request.ContentType, body));
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}

/// <summary>One push as the gateway received it.</summary>
public sealed record FakePush(string Method, string Path, string? ContentType, string Body);
