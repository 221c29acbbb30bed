using Microsoft.Extensions.DependencyInjection;
using Prow.Runtime.Hosting;

namespace Prow.Gateway;

public static class GatewayServiceCollectionExtensions
{
    /// <summary>The hook's services and its inbox handler.</summary>
    public static GrainRuntimeBuilder AddGateway(this GrainRuntimeBuilder builder, HmacSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(secrets);
        builder.Services.AddSingleton<HookMetrics>();
        return builder.AddIngressHandler<GitHubWebhookIngressHandler>();
    }
}
