using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Prow.Gateway.Tests.Redelivery;

/// <summary>A webhook endpoint on loopback that answers <see cref="Status"/> and records the delivery ids it was sent.</summary>
internal sealed class HookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HookReceiver(WebApplication app) => _app = app;

    public int Status { get; set; } = 200;

    public ConcurrentQueue<string> Received { get; } = new();

    public Uri Url { get; private set; } = null!;

    public static async Task<HookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var receiver = new HookReceiver(builder.Build());
        receiver._app.MapPost("/hook", (HttpContext c) =>
        {
            receiver.Received.Enqueue(c.Request.Headers["X-GitHub-Delivery"].ToString());
            return Results.StatusCode(receiver.Status);
        });
        await receiver._app.StartAsync();
        receiver.Url = new Uri(receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
