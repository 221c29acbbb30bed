using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Prow.Services.Artifacts;
using Prow.Grains.BranchProtector;
using Prow.Grains.BuildClusters;
using Prow.Grains.BuildClusters.Kubernetes;
using Prow.Grains.BuildClusters.Local;
using Prow.Services.JobIndex;
using Prow.Grains.Periodics;
using Prow.Grains.Plugins.Framework;
using Prow.Grains.ProwJobs;
using Prow.Grains.PullRequests;
using Prow.Grains.Reporting;
using Prow.Grains.Repositories;
using Prow.Grains.Sinker;
using Prow.Grains.Tide;
using Prow.Grains.Webhooks;
using Prow.Runtime.Hosting;

namespace Prow.Grains;

/// <summary>Every grain this system hosts, listed explicitly (no scanning), and the services they use.</summary>
public static class GrainRegistration
{
    public static GrainRuntimeBuilder AddProwGrains(this GrainRuntimeBuilder builder, ProwGrainOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        options ??= new ProwGrainOptions();
        var services = builder.Services;
        services.AddPlugins(options.CatApiEndpoint);
        services.AddSingleton<BotIdentity>();
        services.AddSingleton<WebhookPluginRunner>();
        services.AddSingleton<PullRequestJobs>();
        services.AddSingleton<PostsubmitTrigger>();
        services.AddSingleton<TideEventRouter>();
        services.AddSingleton<TideJobStarter>();
        services.AddSingleton<TideSync>();
        services.AddSingleton(options);

        var store = new LocalArtifactStore(options.ArtifactsRoot);
        services.AddSingleton<IArtifactStore>(options.ArtifactStore ?? store);
        services.AddSingleton<JobArtifacts>();
        services.AddSingleton<GitHubStatusReporter>();
        services.AddSingleton(new JobUrls(options.StatusSite));
        services.AddSingleton<BuildIds>();
        services.TryAddSingleton<IProwJobIndex, MemoryProwJobIndex>();
        services.AddSingleton(new LocalProcessRunnerOptions());
        services.AddSingleton(sp => new LocalProcessRunner(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<LocalProcessRunner>>(), sp.GetRequiredService<LocalProcessRunnerOptions>()));
        var local = options.ArtifactStore is { } remote
            ? options.LocalCluster with { UploadArtifactsTo = remote }
            : options.LocalCluster with { ArtifactsFolderFor = options.LocalCluster.ArtifactsFolderFor ?? (folder => Path.Combine(store.Root, folder)) };
        services.AddSingleton<IBuildClusterKind>(sp => new LocalBuildCluster(sp.GetRequiredService<LocalProcessRunner>(), local, sp.GetRequiredService<ILogger<LocalBuildCluster>>()));
        services.AddKubernetesBuildClusters(options.KubernetesClusters);
        services.AddSingleton(new BuildClusterPools(options.ClusterPools));
        services.AddSingleton<BuildClusterMetrics>();
        services.AddSingleton<BuildClusterRegistry>();

        return builder
            .AddGrain<IRepositoryGrain, RepositoryGrain>()
            .AddGrain<IPullRequestGrain, PullRequestGrain>()
            .AddGrain<IProwJobGrain, ProwJobGrain>()
            .AddGrain<IBuildClusterGrain, BuildClusterGrain>()
            .AddGrain<IActiveJobsGrain, ActiveJobsGrain>()
            .AddGrain<IPeriodicJobGrain, PeriodicJobGrain>()
            .AddGrain<ISinkerGrain, SinkerGrain>()
            .AddGrain<IMergePoolGrain, MergePoolGrain>()
            .AddGrain<IPoolHeadIndexGrain, PoolHeadIndexGrain>()
            .AddGrain<ITidePoolsGrain, TidePoolsGrain>()
            .AddGrain<IBranchProtectorGrain, BranchProtectorGrain>();
    }
}
