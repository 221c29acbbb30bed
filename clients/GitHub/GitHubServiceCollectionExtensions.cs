using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Prow.Clients.GitHub;

public static class GitHubServiceCollectionExtensions
{
    /// <summary>
    /// Registers one shared <see cref="GitHubClient"/> (one cache, one rate-limit budget per process)
    /// under <see cref="IGitHubClient"/> and every role interface.
    /// </summary>
    public static IServiceCollection AddGitHubClient(this IServiceCollection services, Action<GitHubClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new GitHubClientOptions();
        configure(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new GitHubClient(
            options, http: null, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<GitHubClient>>(), sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton<IGitHubClient>(sp => sp.GetRequiredService<GitHubClient>());
        services.AddSingleton<IIssueClient>(sp => sp.GetRequiredService<GitHubClient>());
        services.AddSingleton<IPullRequestClient>(sp => sp.GetRequiredService<GitHubClient>());
        services.AddSingleton<IStatusClient>(sp => sp.GetRequiredService<GitHubClient>());
        services.AddSingleton<ICheckRunClient>(sp => sp.GetRequiredService<GitHubClient>());
        services.AddSingleton<IRepositoryClient>(sp => sp.GetRequiredService<GitHubClient>());
        services.AddSingleton<IOrganizationClient>(sp => sp.GetRequiredService<GitHubClient>());
        services.AddSingleton<ISearchClient>(sp => sp.GetRequiredService<GitHubClient>());
        services.AddSingleton<IUserClient>(sp => sp.GetRequiredService<GitHubClient>());
        services.AddSingleton<IWebhookDeliveryClient>(sp => sp.GetRequiredService<GitHubClient>());
        return services;
    }
}
