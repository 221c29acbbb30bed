using Microsoft.Extensions.DependencyInjection;
using Prow.Grains.OwnersFiles;
using Prow.Grains.Plugins.Approve;
using Prow.Grains.Plugins.Assign;
using Prow.Grains.Plugins.Blunderbuss;
using Prow.Grains.Plugins.Cat;
using Prow.Grains.Plugins.Help;
using Prow.Grains.Plugins.Lgtm;
using Prow.Grains.Plugins.Trigger;

namespace Prow.Grains.Plugins.Framework;

/// <summary>Every plugin this build carries, listed here and nowhere else (the twin of Prow's plugin-imports).</summary>
public static class PluginRegistration
{
    public static IServiceCollection AddPlugins(this IServiceCollection services, Uri? catApiEndpoint = null)
    {
        services.AddSingleton<IPlugin, TriggerPlugin>();
        services.AddSingleton<IPlugin, HelpPlugin>();
        services.AddSingleton<BuiltInCatImages>();
        services.AddSingleton<IPlugin>(sp =>
        {
            var builtIn = sp.GetRequiredService<BuiltInCatImages>();
            var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            return new CatPlugin(config => config.Plugins.Cat.KeyPath is { Length: > 0 } keyPath
                ? new TheCatApiImages(http, catApiEndpoint ?? TheCatApiImages.DefaultEndpoint, keyPath, builtIn)
                : builtIn);
        });
        services.AddSingleton<RepoOwnersLoader>();
        services.AddSingleton<IPlugin, LgtmPlugin>();
        services.AddSingleton<IPlugin, ApprovePlugin>();
        services.AddSingleton<IPlugin, AssignPlugin>();
        services.AddSingleton<IPlugin, BlunderbussPlugin>();
        services.AddSingleton<PluginRegistry>();
        services.AddSingleton<PluginDispatcher>();
        return services;
    }
}
