using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Prow.Silo.Hosting;

/// <summary>Registers a hosted service to start after the host is listening.</summary>
internal static class StartedAfterListeningExtensions
{
    public static IServiceCollection AddHostedServiceAfterListening<T>(this IServiceCollection services)
        where T : class, IHostedService
    {
        services.AddSingleton<T>();
        return services.AddHostedService(sp => new StartedAfterListening<T>(sp.GetRequiredService<T>()));
    }
}
