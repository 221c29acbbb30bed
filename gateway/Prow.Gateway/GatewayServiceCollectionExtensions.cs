using Microsoft.Extensions.DependencyInjection;
using Prow.Ingress;

namespace Prow.Gateway;

public static class GatewayServiceCollectionExtensions
{
    /// <summary>The hook's services and its inbox handler.</summary>
    public static IServiceCollection AddGateway(this IServiceCollection services, HmacSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(secrets);
        services.AddSingleton<HookMetrics>();
        return services.AddIngressHandler<GitHubWebhookIngressHandler>();
    }
}
