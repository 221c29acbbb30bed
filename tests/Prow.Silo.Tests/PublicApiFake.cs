using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Prow.TestKit;

namespace Prow.Silo.Tests;

/// <summary>
/// A stand-in on loopback for a public API a fun plugin asks (icanhazdadjoke.com, random.dog, …), so its tests never
/// reach the network; <see cref="Down"/> is an address where nothing listens, for the offline fallbacks.
/// </summary>
internal static class PublicApiFake
{
    public static async Task<WebApplication> StartAsync(Action<WebApplication> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }

    public static Uri BaseOf(WebApplication app) => new(app.Urls.First() + "/");

    public static Uri Down => new($"http://127.0.0.1:{LoopbackPort.Free()}/");
}
