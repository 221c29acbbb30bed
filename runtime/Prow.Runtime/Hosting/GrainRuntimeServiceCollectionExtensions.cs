using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans;
using Prow.Runtime.Activation;
using Prow.Runtime.Ingress;
using Prow.Runtime.Reminders;

namespace Prow.Runtime.Hosting;

public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>Adds the grain runtime and its hosted lifecycle (reminders, ingress replay, idle collection, graceful stop).</summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, Action<GrainRuntimeBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var registry = new GrainTypeRegistry();
        var builder = new GrainRuntimeBuilder(services, registry);
        configure(builder);

        services.AddSingleton(registry);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var options = new GrainRuntimeOptions();
            foreach (var configureOptions in sp.GetServices<Action<GrainRuntimeOptions>>())
            {
                configureOptions(options);
            }

            return options;
        });
        services.AddMetrics();
        services.AddSingleton(sp => new RuntimeStatistics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton<GrainRuntime>();
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
        services.AddSingleton<ReminderService>();
        services.AddSingleton<IngressPipeline>();
        services.AddHostedService<GrainRuntimeHostedService>();
        return services;
    }
}
