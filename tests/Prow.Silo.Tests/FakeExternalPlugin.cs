using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Prow.Silo.Tests;

/// <summary>An external plugin on loopback: records every delivery posted to it, refuses them while told to, and answers <c>/help</c>.</summary>
internal sealed class FakeExternalPlugin : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<ReceivedDelivery> _received = [];

    private FakeExternalPlugin(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>While true every delivery is answered 503 (and recorded as refused).</summary>
    public bool Refusing { get; set; }

    public IReadOnlyList<ReceivedDelivery> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public List<string> HelpRequests { get; } = [];

    public static async Task<FakeExternalPlugin> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeExternalPlugin? plugin = null;
        app.MapPost("/help", async (HttpContext c) =>
        {
            using var reader = new StreamReader(c.Request.Body);
            var enabledRepos = await reader.ReadToEndAsync();
            lock (plugin!.HelpRequests)
            {
                plugin.HelpRequests.Add(enabledRepos);
            }

            await c.Response.WriteAsJsonAsync(new
            {
                Description = "Checks things outside prow.",
                Commands = new[] { new { Usage = "/outside", Description = "Does the outside thing.", Examples = new[] { "/outside" }, WhoCanUse = "Anyone", Featured = false } },
            });
        });
        app.MapPost("/", async (HttpContext c) =>
        {
            using var body = new MemoryStream();
            await c.Request.Body.CopyToAsync(body);
            var refused = plugin!.Refusing;
            lock (plugin._received)
            {
                plugin._received.Add(new ReceivedDelivery(
                    c.Request.Headers["X-GitHub-Event"].ToString(),
                    c.Request.Headers["X-GitHub-Delivery"].ToString(),
                    c.Request.Headers["X-Hub-Signature-256"].ToString(),
                    body.ToArray(),
                    refused));
            }

            c.Response.StatusCode = refused ? 503 : 200;
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        plugin = new FakeExternalPlugin(app, address);
        return plugin;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed record ReceivedDelivery(string Event, string Delivery, string Signature, byte[] Body, bool Refused);
}
