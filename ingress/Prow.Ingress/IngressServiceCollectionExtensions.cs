using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Prow.Ingress;

public static class IngressServiceCollectionExtensions
{
    /// <summary>
    /// Adds the inbox and its hosted lifecycle. Call after the silo is added (UseOrleans), so it starts after the silo
    /// and stops before it. The store is the caller's: an <see cref="IIngressStore"/> singleton (memory when none).
    /// </summary>
    public static IServiceCollection AddDurableIngress(this IServiceCollection services, Action<IngressOptions>? configure = null)
    {
        var options = new IngressOptions();
        configure?.Invoke(options);
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IIngressStore>(sp => new MemoryIngressStore(sp.GetRequiredService<TimeProvider>()));
        services.AddMetrics();
        services.TryAddSingleton(sp => new IngressMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton<IngressPipeline>();
        services.AddHostedService<IngressHostedService>();
        return services;
    }

    /// <summary>Registers the handler of one kind of input; handlers must be idempotent.</summary>
    public static IServiceCollection AddIngressHandler<THandler>(this IServiceCollection services)
        where THandler : class, IIngressHandler
    {
        services.AddSingleton<IIngressHandler, THandler>();
        return services;
    }
}
