using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Runtime.Placement;
using Orleans.TestingHost;
using Prow.Clients.GitHub;
using Prow.Config;
using Prow.FakeGitHub;
using Prow.Grains;
using Prow.Grains.BuildClusters;
using Prow.Services.Configuration;
using Prow.Silo.Hosting;
using Prow.Storage;

namespace Prow.Silo.Tests;

/// <summary>
/// Prow's grains on two silos of one cluster, each configured as <see cref="ProwHost"/> configures its silo (the same
/// serializer, grain services and memory storage), against a fake GitHub. The cluster's client reaches the silos over
/// a connection, and grains on one silo call grains on the other, so every message is serialized.
/// </summary>
internal sealed class TwoSiloProw : IAsyncDisposable
{
    public const string Repo = "org/repo";
    private const string Token = "ghp_two_silo";

    private readonly TempFolder _folder;
    private readonly InProcessTestCluster _cluster;
    private readonly SerializationFailureLog _log;

    private TwoSiloProw(TempFolder folder, FakeGitHubServer gitHub, ConfigSnapshot config, InProcessTestCluster cluster, SerializationFailureLog log)
    {
        _folder = folder;
        GitHub = gitHub;
        Config = config;
        _cluster = cluster;
        _log = log;
    }

    public FakeGitHubServer GitHub { get; }

    public ConfigSnapshot Config { get; }

    /// <summary>Serialization failures the silos logged: none is the point of the test.</summary>
    public IReadOnlyList<string> SerializationFailures => _log.Failures;

    public IClusterClient Client => _cluster.Client;

    public IReadOnlyList<SiloAddress> Silos => [.. _cluster.Silos.Select(s => s.SiloAddress)];

    public static async Task<TwoSiloProw> StartAsync(Action<FakeRepo> seed)
    {
        var folder = new TempFolder();
        var gitHub = await FakeGitHubServer.StartAsync();
        gitHub.AcceptedTokens.Add(Token);
        gitHub.State.AddRepo(Repo).WithBranch("main", "base0000");
        gitHub.State.Org("org").Members.Add("alice");
        gitHub.Change(Repo, seed);
        var config = ContractConfig.Load(folder.Path);
        var grainOptions = new ProwGrainOptions
        {
            ArtifactsRoot = Path.Combine(folder.Path, "artifacts"),
            LocalCluster = new LocalBuildClusterOptions { WorkspaceRoot = Path.Combine(folder.Path, "workspaces") },
        };

        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ConfigureFileLogging = false;
        var log = new SerializationFailureLog();
        builder.ConfigureSiloHost((_, host) => host.Logging.AddProvider(log));
        builder.ConfigureSilo((_, silo) =>
        {
            // As ProwHost's silo: its serializer, the grains' services, memory storage, a configuration, the GitHub client.
            silo.Services.AddProwSerializer();
            silo.Services.AddProwGrains(grainOptions);
            silo.Services.AddSingleton<IConfigSource>(new StaticConfigSource(config));
            silo.Services.AddGitHubClient(github =>
            {
                github.Endpoints.Add(gitHub.BaseAddress);
                github.Token = Token;
            });
            silo.UseProwMemoryStorage();
            silo.Configure<ReminderOptions>(reminders => reminders.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        });
        builder.ConfigureClient(client => client.Services.AddProwSerializer());
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            await gitHub.DisposeAsync();
            folder.Dispose();
            throw;
        }

        return new TwoSiloProw(folder, gitHub, config, cluster, log);
    }

    /// <summary>Runs a call whose grain, if not active yet, is activated on <paramref name="silo"/>.</summary>
    public static async Task<T> OnSiloAsync<T>(SiloAddress silo, Func<Task<T>> call)
    {
        RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
        try
        {
            return await call();
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
    }

    /// <summary>Waits for something the grains do in the background; fails at once if a message could not be serialized.</summary>
    public async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            Assert.True(_log.Failures.Count == 0, string.Join('\n', _log.Failures.Prepend($"waiting for {what}, the silos failed to serialize:")));
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"{what} did not happen within 30 s");
    }

    /// <summary>Where the grain's activation lives.</summary>
    public async Task<SiloAddress> SiloOfAsync(IAddressable grain)
    {
        var id = grain.GetGrainId();
        var statistics = await Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return Assert.Single(statistics, s => s.GrainId == id).SiloAddress;
    }

    public async ValueTask DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        await GitHub.DisposeAsync();
        _folder.Dispose();
    }
}
