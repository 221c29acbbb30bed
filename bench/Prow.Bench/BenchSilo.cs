using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;
using Prow.TestKit;

namespace Prow.Bench;

/// <summary>A one-silo Orleans host on free loopback ports with the bench grains, as <c>prow run</c> configures its silo.</summary>
internal static class BenchSilo
{
    public static async Task<IHost> StartAsync(Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo.UseLocalhostClustering(LoopbackPort.Free(), LoopbackPort.Free()));
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
