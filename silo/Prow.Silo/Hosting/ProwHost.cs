using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;
using Prow.Clients.GitHub;
using Prow.Config;
using Prow.Config.Watching;
using Prow.Gateway;
using Prow.Grains;
using Prow.Grains.BuildClusters;
using Prow.Grains.Periodics;
using Prow.Grains.ProwJobs;
using Prow.Grains.Sinker;
using Prow.Ingress;
using Prow.Services.Admin;
using Prow.Services.Configuration;
using Prow.Services.JobIndex;
using Prow.Services.Metrics;
using Prow.Silo.Admin;
using Prow.Silo.Api;
using Prow.Silo.Cli;
using Prow.Silo.Metrics;
using Prow.Storage;
using Prow.Storage.Postgres;
using Prow.Storage.Sqlite;
using Prow.Web;
using Prow.Web.Auth;
using Prow.Web.Security;

namespace Prow.Silo.Hosting;

/// <summary>The composition root: one process with the silo, the gateway and the sites.</summary>
public static class ProwHost
{
    /// <summary>Builds the host, or throws <see cref="StartupException"/> with the line to show the operator.</summary>
    public static WebApplication Build(ProwOptions options, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var secrets = LoadSecrets(options.HmacSecretFile);
        var adminToken = new AdminToken(ReadOptionalFile(options.AdminTokenFile, "--admin-token-file"));
        var apiTokens = LoadApiTokens(options.ApiTokenFile);
        var config = LoadConfig(options, out var podNamespace);
        var clusters = BuildClusterSetup.From(options);
        var artifactStore = ArtifactStoreSetup.From(options);
        var database = options.Storage.Kind == StorageKind.Sqlite ? OpenDatabase(options.Storage) : null;
        if (options.Role != ProwRole.All && options.Storage.Kind != StorageKind.Postgres)
        {
            throw new StartupException($"--role {options.Role.ToString().ToLowerInvariant()} needs --storage postgres: (gateways and workers are separate processes sharing one database)");
        }

        var postgres = options.Storage.Kind == StorageKind.Postgres ? PostgresSetup.Open(options) : null;
        var hostsGrains = options.Role != ProwRole.Gateway;
        var takesWebhooks = options.Role != ProwRole.Worker;
        var ports = SiloPorts.Choose(options.SiloPort, options.OrleansGatewayPort);
        var advertise = PostgresSetup.AdvertiseAddress(options);

        WebApplication? built = null;
        Uri SiteAddress() => new((built?.Urls.FirstOrDefault() ?? options.Urls.Split(';')[0]).TrimEnd('/') + "/");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // prow reads no appsettings.json: nothing for ASP.NET to watch (file watches are a limited resource).
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            console.UseUtcTimestamp = true;
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Orleans logs its lifecycle at Information; the operator's log stays about Prow unless something goes wrong.
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Orleans", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        // The cookie keys sit beside the database, as protected as it is; ASP.NET warns that they are not encrypted.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout + TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(adminToken);
        builder.Services.AddSingleton(apiTokens);
        builder.Services.AddSingleton<ProwJobsGauge>();
        builder.Services.AddSingleton<PrometheusExporter>();
        if (config is null)
        {
            builder.Services.AddSingleton<IConfigSource>(new StaticConfigSource(StaticConfigSource.EmptySnapshot));
        }
        else
        {
            builder.Services.AddSingleton<IConfigSource>(sp => new WatchedConfigSource(config.Start(sp.GetRequiredService<ILogger<ConfigWatcher>>())));
        }
        var workspaces = Path.GetFullPath(options.Workspaces
            ?? (artifactStore is null ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.Artifacts))!, "workspaces") : "./.prow/workspaces"));
        builder.Services.AddProwGrains(new ProwGrainOptions
        {
            ArtifactsRoot = artifactStore is null ? Path.GetFullPath(options.Artifacts) : Path.Combine(workspaces, "artifacts"),
            ArtifactStore = artifactStore,
            LocalCluster = new LocalBuildClusterOptions
            {
                Name = clusters.LocalName,
                GitBaseUrl = options.GitBaseUrl,
                WorkspaceRoot = workspaces,
            },
            KubernetesClusters = clusters.KubernetesOptions(podNamespace, Path.Combine(workspaces, "logs"), options.GitBaseUrl, options.KubernetesRetryInterval),
            ClusterPools = clusters.Pools,
            StatusSite = SiteAddress,
            CatApiEndpoint = options.CatApiEndpoint,
            PeriodicTick = options.PeriodicTick,
            Slack = SlackSetup.Create(options),
            NeedsRebaseUpdatePeriod = options.NeedsRebaseUpdatePeriod,
            RunsJobs = hostsGrains,
        });
        if (!hostsGrains)
        {
            // A gateway is an Orleans client: it reaches the workers' grains through their Orleans gateways, found in
            // the membership table, and takes no part in membership, the grain directory or the reminder ring.
            builder.UseOrleansClient(client =>
            {
                client.UseProwPostgresClustering(postgres!);
                client.Configure<ClusterOptions>(cluster =>
                {
                    cluster.ClusterId = "prow";
                    cluster.ServiceId = "prow";
                });
                client.Services.AddProwSerializer();
                client.AddDashboard();
                client.UseConnectionRetryFilter(WaitForWorkerAsync);
            });
            builder.Services.AddProwPostgresStateReaders(postgres!);
        }
        else
        {
            builder.UseOrleans(silo =>
            {
                if (postgres is null)
                {
                    silo.UseLocalhostClustering(ports.Silo, ports.Gateway);
                }
                else
                {
                    // Several silos: membership in PostgreSQL; each advertises the address it is reached at and listens on all.
                    silo.UseProwPostgresClustering(postgres);
                    silo.ConfigureEndpoints(advertise, ports.Silo, ports.Gateway, listenOnAnyHostAddress: !System.Net.IPAddress.IsLoopback(advertise));
                }

                silo.Configure<ClusterOptions>(cluster =>
                {
                    cluster.ClusterId = "prow";
                    cluster.ServiceId = "prow";
                });
                silo.Services.AddProwSerializer();
                silo.Configure<ReminderOptions>(reminders => reminders.MinimumReminderPeriod = TimeSpan.FromTicks(Math.Min(reminders.MinimumReminderPeriod.Ticks, Math.Min(Math.Min(options.PeriodicTick.Ticks, options.NeedsRebaseUpdatePeriod.Ticks), new ProwGrainOptions().ReportRetry.Ticks))));
                silo.Configure<GrainCollectionOptions>(collection => collection.DeactivationTimeout = options.ShutdownTimeout);
                silo.AddDashboard();
                if (postgres is not null)
                {
                    silo.UseProwPostgresStorage(postgres);
                }
                else if (database is null)
                {
                    silo.UseProwMemoryStorage();
                }
                else
                {
                    silo.UseProwSqliteStorage(database);
                }
            });
        }

        // After the silo, so the inbox replays into running grains and stops before the silo does.
        builder.Services.AddDurableIngress(ingress =>
        {
            ingress.Hold = options.HoldIngress;
            ingress.ShutdownTimeout = options.ShutdownTimeout;
            // A silo that died and is not yet declared dead refuses or times out calls: the delivery waits, it did not fail.
            ingress.IsTransient = error => error is Orleans.Runtime.OrleansMessageRejectionException or Orleans.Runtime.SiloUnavailableException or TimeoutException;
        });
        if (database is not null)
        {
            builder.Services.AddSingleton<IIngressStore>(sp => new SqliteIngressStore(database, sp.GetRequiredService<TimeProvider>()));
        }
        else if (postgres is not null)
        {
            var owner = PostgresSetup.LeaseOwner(advertise, ports.Silo);
            builder.Services.AddSingleton<IIngressStore>(sp => new PostgresIngressStore(postgres, sp.GetRequiredService<TimeProvider>(), owner, options.InboxLease));
        }

        builder.Services.AddGateway(secrets, Grains.Plugins.Framework.PluginRegistration.Names, new HookOptions { MaxBufferedBodyBytes = options.HookBodyMemory });
        builder.Services.AddWebhookRedelivery(new Gateway.Redelivery.WebhookRedeliveryOptions
        {
            Sources = RedeliverySources(options),
            Interval = options.RedeliveryInterval > TimeSpan.Zero ? options.RedeliveryInterval : TimeSpan.FromMinutes(5),
        });
        builder.Services.AddSingleton(new ExternalPluginHelpClient(new HttpClient { Timeout = TimeSpan.FromSeconds(5) }, Grains.Plugins.Framework.PluginRegistration.Names));
        builder.Services.AddSingleton<ISiloStatistics, SiloStatistics>();
        builder.Services.AddGitHubClient(github =>
        {
            foreach (var endpoint in options.GitHubEndpoints)
            {
                github.Endpoints.Add(endpoint);
            }

            github.TokenPath = options.GitHubTokenPath;
            github.DryRun = options.DryRun;
            if (options.GitHubAppId is { } appId)
            {
                github.App = new GitHubAppOptions { AppId = appId, PrivateKeyPath = options.GitHubAppPrivateKeyPath ?? throw new StartupException("--github-app-id needs --github-app-private-key-path") };
            }
        });
        if (database is not null)
        {
            builder.Services.AddSingleton<IProwJobIndex>(OpenJobIndex(database));
        }
        else if (postgres is not null)
        {
            builder.Services.AddSingleton<IProwJobIndex>(new PostgresProwJobIndex(postgres));
        }

        builder.Services.AddProwWeb(new DeckOptions
        {
            AdminTokenMatches = adminToken.Configured ? adminToken.Matches : null,
            GitHubOAuth = LoadGitHubOAuth(options),
            SiteAddress = SiteAddress,
            KeysFolder = database is null ? null : Path.Combine(Path.GetDirectoryName(database.Path)!, "deck-keys"),
        });
        if (hostsGrains)
        {
            builder.Services.AddHostedServiceAfterListening<ActiveJobResumer>();
            builder.Services.AddHostedServiceAfterListening<PeriodicScheduler>();
            builder.Services.AddHostedServiceAfterListening<SinkerScheduler>();
            builder.Services.AddHostedServiceAfterListening<Prow.Grains.Tide.TideSyncService>();
            builder.Services.AddHostedServiceAfterListening<Prow.Grains.BranchProtector.BranchProtectorScheduler>();
            builder.Services.AddHostedServiceAfterListening<Prow.Grains.Plugins.NeedsRebase.NeedsRebaseRescanScheduler>();
            builder.Services.AddSingleton(new ShutdownPatience(options.ShutdownTimeout / 2));
            builder.Services.AddHostedService<BuildClusterDrain>();
        }

        builder.Services.AddHostedServiceAfterListening<MetricsPusher>();
        if (takesWebhooks)
        {
            builder.Services.AddHostedServiceAfterListening<Gateway.Redelivery.WebhookRedeliveryService>();
        }

        builder.Services.AddSingleton(new Readiness(options.Role));
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        built = app;
        app.Services.GetRequiredService<PrometheusExporter>();
        // A TLS proxy on this machine says the browser used https (only loopback proxies are believed).
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedProto });
        app.UseSecurityHeaders();
        app.MapHostEndpoints();
        if (takesWebhooks)
        {
            app.MapHook();
        }

        app.MapPluginHelp();
        app.MapProwJob();
        app.MapAdminApi();
        app.MapJobsApi();
        app.MapTide();
        app.MapProwWeb();
        return app;
    }

    /// <summary>Checks the configuration before anything starts: a broken one stops prow with every problem named.</summary>
    private static DeferredConfigWatcher? LoadConfig(ProwOptions options, out string podNamespace)
    {
        podNamespace = "default";
        if (options.ConfigPath is null && options.JobConfigPath is null && options.PluginConfig is null)
        {
            return null;
        }

        var paths = new ConfigPaths(options.ConfigPath, options.JobConfigPath, options.PluginConfig);
        // The plugins this build lacks are refused here too, so prow does not start on a configuration check-config refuses.
        var result = ConfigLoader.Load(paths, implementedPlugins: Grains.Plugins.Framework.PluginRegistration.Names);
        if (!result.Succeeded)
        {
            throw new StartupException(string.Join(Environment.NewLine, result.Errors.Select(e => e.ToString()).Prepend("the configuration is invalid:")));
        }

        podNamespace = result.Snapshot!.Prow.PodNamespace;

        return new DeferredConfigWatcher(paths);
    }

    /// <summary>A gateway started before any worker waits for one, saying so every few seconds.</summary>
    private static async Task<bool> WaitForWorkerAsync(Exception error, CancellationToken cancellationToken)
    {
        await Console.Out.WriteLineAsync($"prow: waiting for a worker (no Orleans gateway answers yet: {error.Message})");
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        return true;
    }

    /// <summary>A GitHub App has one webhook, read with its JWT; organization and repository hooks are named by flag.</summary>
    private static List<Clients.GitHub.WebhookSource> RedeliverySources(ProwOptions options)
    {
        List<Clients.GitHub.WebhookSource> sources = [];
        if (options.RedeliveryInterval > TimeSpan.Zero)
        {
            if (options.GitHubAppId is not null)
            {
                sources.Add(Clients.GitHub.WebhookSource.App);
            }

            sources.AddRange(options.RedeliverHooks);
        }

        return sources;
    }

    private static SqliteDatabase OpenDatabase(StorageLocation storage)
    {
        try
        {
            return SqliteDatabase.Open(storage.Path!);
        }
        catch (SqliteStorageException ex)
        {
            throw new StartupException(ex.Message, ex);
        }
    }

    private static SqliteProwJobIndex OpenJobIndex(SqliteDatabase database)
    {
        try
        {
            return SqliteProwJobIndex.OpenAsync(database).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is SqliteStorageException or Microsoft.Data.Sqlite.SqliteException)
        {
            throw new StartupException($"cannot open the job index in {database.Path}: {ex.Message}", ex);
        }
    }

    private static GitHubOAuthOptions? LoadGitHubOAuth(ProwOptions options)
    {
        try
        {
            return options.GitHubOAuthConfigFile is null
                ? null
                : GitHubOAuthConfigFile.Load(options.GitHubOAuthConfigFile, options.GitHubOAuthUrl, options.GitHubEndpoints.Count > 0 ? options.GitHubEndpoints[0] : new Uri("https://api.github.com/"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new StartupException($"--github-oauth-config-file: {ex.Message}", ex);
        }
    }

    private static HmacSecrets LoadSecrets(string? path)
    {
        if (path is null)
        {
            // No secret: every webhook fails its signature check, which is the safe way to run without one.
            return HmacSecrets.FromSingleSecret(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        }

        try
        {
            return HmacSecrets.Load(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new StartupException($"--hmac-secret-file: {ex.Message}", ex);
        }
    }

    private static ApiTokens LoadApiTokens(string? path)
    {
        try
        {
            return path is null ? ApiTokens.None : ApiTokens.Load(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"--api-token-file: {ex.Message}", ex);
        }
        catch (FormatException ex)
        {
            throw new StartupException($"--api-token-file: {ex.Message}", ex);
        }
    }

    private static string? ReadOptionalFile(string? path, string flag)
    {
        try
        {
            return path is null ? null : File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"{flag}: {ex.Message}", ex);
        }
    }
}
