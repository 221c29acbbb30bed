using Microsoft.Extensions.DependencyInjection;
using Prow.Gateway.ExternalPlugins;
using Prow.Gateway.Redelivery;
using Prow.Ingress;
using Prow.Services.Configuration;

namespace Prow.Gateway;

public static class GatewayServiceCollectionExtensions
{
    /// <summary>The hook's services and its inbox handlers: the webhook's, and the forwards to external plugins.</summary>
    /// <param name="builtInPlugins">Plugin names this build runs itself: listed under external_plugins, they are not forwarded.</param>
    public static IServiceCollection AddGateway(this IServiceCollection services, HmacSecrets secrets, IReadOnlySet<string>? builtInPlugins = null, HookOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        options ??= new HookOptions();
        services.AddSingleton(secrets);
        services.AddSingleton(options);
        services.AddSingleton(new WebhookBodyBudget(options.MaxBufferedBodyBytes));
        services.AddSingleton<HookMetrics>();
        services.AddSingleton<ExternalPluginMetrics>();
        services.AddSingleton(sp => new ExternalPluginRouting(sp.GetRequiredService<IConfigSource>(), builtInPlugins ?? new HashSet<string>()));
        services.AddSingleton<IIngressHandler>(sp => new ExternalPluginForwarder(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, sp.GetRequiredService<ExternalPluginMetrics>()));
        return services.AddIngressHandler<GitHubWebhookIngressHandler>();
    }

    /// <summary>What asks GitHub again for the webhooks it failed to deliver; the host runs <see cref="WebhookRedeliveryService"/> once it listens.</summary>
    public static IServiceCollection AddWebhookRedelivery(this IServiceCollection services, WebhookRedeliveryOptions options)
    {
        services.AddSingleton(options);
        return services.AddSingleton<WebhookRedeliverer>();
    }
}
