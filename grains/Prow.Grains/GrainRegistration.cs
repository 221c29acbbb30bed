using Microsoft.Extensions.DependencyInjection;
using Prow.Grains.Plugins.Framework;
using Prow.Grains.PullRequests;
using Prow.Grains.Repositories;
using Prow.Grains.Webhooks;
using Prow.Runtime.Hosting;

namespace Prow.Grains;

/// <summary>Every grain this system hosts, listed explicitly (no scanning), and the services they use.</summary>
public static class GrainRegistration
{
    public static GrainRuntimeBuilder AddProwGrains(this GrainRuntimeBuilder builder, Uri? catApiEndpoint = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddPlugins(catApiEndpoint);
        builder.Services.AddSingleton<BotIdentity>();
        builder.Services.AddSingleton<WebhookPluginRunner>();
        return builder
            .AddGrain<IRepositoryGrain, RepositoryGrain>()
            .AddGrain<IPullRequestGrain, PullRequestGrain>();
    }
}
