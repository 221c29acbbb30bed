using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prow.Web.Auth;
using Prow.Web.Components;
using Prow.Web.Endpoints;
using Prow.Web.Logs;

namespace Prow.Web;

/// <summary>Adds deck to the silo's host: its services, then its pages and endpoints.</summary>
public static class WebRegistration
{
    public static IServiceCollection AddProwWeb(this IServiceCollection services, DeckOptions options)
    {
        services.AddRazorComponents();
        var protection = services.AddDataProtection().SetApplicationName("prow");
        if (options.KeysFolder is not null)
        {
            protection.PersistKeysToFileSystem(Directory.CreateDirectory(options.KeysFolder));
        }
        else
        {
            protection.UseEphemeralDataProtectionProvider();
        }

        services.AddSingleton(options);
        services.AddSingleton<DeckSession>();
        services.AddSingleton<RerunAuthorizer>();
        services.AddSingleton<JobLogReader>();
        services.AddSingleton<Jobs.JobFinder>();
        services.TryAddSingleton<Services.Plugins.PluginFailureLog>();
        services.AddHttpClient(GitHubLoginEndpoints.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        return services;
    }

    /// <summary>
    /// Maps the site. Pages are server-rendered Razor components; the jobs page refreshes itself with a small script
    /// (Blazor's own client script ships in a package this build cannot restore, so no page depends on a circuit).
    /// </summary>
    public static WebApplication MapProwWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapProwJobsJs();
        app.MapBadge();
        app.MapArtifacts();
        app.MapBuildLogLines();
        app.MapStoragePathView();
        app.MapJobActions();
        app.MapAdminLogin();
        app.MapOrleansDashboardForAdmins();
        app.MapGitHubLogin();
        app.MapRazorComponents<App>();
        return app;
    }
}
