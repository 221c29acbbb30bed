using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Prow.Clients.Slack;
using Prow.Grains.Artifacts;
using Prow.Grains.BranchProtector;
using Prow.Grains.BuildClusters;
using Prow.Grains.BuildClusters.Kubernetes;
using Prow.Grains.BuildClusters.Local;
using Prow.Grains.CheckRuns;
using Prow.Grains.Periodics;
using Prow.Grains.Plugins.Framework;
using Prow.Grains.ProwJobs;
using Prow.Grains.PullRequests;
using Prow.Grains.Reporting;
using Prow.Grains.Repositories;
using Prow.Grains.Sinker;
using Prow.Grains.Tide;
using Prow.Grains.Webhooks;
using Prow.Services.Artifacts;
using Prow.Services.JobIndex;
using Prow.Services.Logging;

namespace Prow.Grains;

/// <summary>The services the grains use. Orleans finds the grain classes themselves through its code generator.</summary>
public static class GrainRegistration
{
    public static IServiceCollection AddProwGrains(this IServiceCollection services, ProwGrainOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        options ??= new ProwGrainOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.AddPlugins(options.CatApiEndpoint);
        services.AddSingleton<BotIdentity>();
        services.AddSingleton<WebhookPluginRunner>();
        services.AddSingleton<PullRequestJobs>();
        services.AddSingleton<PostsubmitTrigger>();
        services.AddSingleton<TideEventRouter>();
        services.AddSingleton<TideJobStarter>();
        services.AddSingleton<BatchTrialMerge>();
        services.AddSingleton<TideSync>();
        services.AddSingleton(sp => new RepeatedFailures(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(options);

        var store = new LocalArtifactStore(options.ArtifactsRoot);
        services.AddSingleton<IArtifactStore>(options.ArtifactStore ?? store);
        services.AddSingleton<JobArtifacts>();
        services.AddSingleton<IJobReporter, GitHubStatusReporter>();
        services.AddSingleton<IJobReporter, PullRequestCommentReporter>();
        services.AddSingleton<JobJUnitReports>();
        services.AddSingleton<IJobReporter, CheckRunReporter>();
        services.AddSingleton<CheckRunRerequests>();
        if (options.Slack is { } slack)
        {
            services.AddSingleton(new SlackClient(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, slack));
            services.AddSingleton<IJobReporter, SlackReporter>();
        }

        services.AddSingleton(new JobUrls(options.StatusSite));
        services.AddSingleton<BuildIds>();
        services.TryAddSingleton<IProwJobIndex, MemoryProwJobIndex>();
        services.AddSingleton(new LocalProcessRunnerOptions());
        services.AddSingleton(sp => new LocalProcessRunner(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<LocalProcessRunner>>(), sp.GetRequiredService<LocalProcessRunnerOptions>()));
        var local = options.ArtifactStore is { } remote
            ? options.LocalCluster with { UploadArtifactsTo = remote }
            : options.LocalCluster with { ArtifactsFolderFor = options.LocalCluster.ArtifactsFolderFor ?? (folder => Path.Combine(store.Root, folder)) };
        services.AddSingleton<IBuildClusterKind>(sp => new LocalBuildCluster(sp.GetRequiredService<LocalProcessRunner>(), local, sp.GetRequiredService<ILogger<LocalBuildCluster>>()));
        if (options.RunsJobs)
        {
            services.AddHostedService(sp => new LocalJobLeftovers(local.WorkspaceRoot, sp.GetRequiredService<ILogger<LocalJobLeftovers>>()));
        }
        services.AddKubernetesBuildClusters(options.KubernetesClusters);
        services.AddSingleton(new BuildClusterPools(options.ClusterPools));
        services.AddSingleton<BuildClusterMetrics>();
        services.AddSingleton<PlankMetrics>();
        services.AddSingleton<TideMetrics>();
        services.AddSingleton<BuildClusterRegistry>();

        return services;
    }
}
