using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans;
using Orleans.Storage;
using Prow.Runtime.Activation;
using Prow.Runtime.Ingress;
using Prow.Runtime.Inspection;
using Prow.Runtime.Storage.Memory;

namespace Prow.Runtime.Hosting;

/// <summary>Configures the grain runtime: which grains, which storage, which ingress handlers. Verbs mirror Orleans' silo builder.</summary>
public sealed class GrainRuntimeBuilder(IServiceCollection services, GrainTypeRegistry registry)
{
    public IServiceCollection Services { get; } = services;

    public GrainRuntimeBuilder AddGrain<TGrainInterface, TGrain>()
        where TGrainInterface : IGrainWithStringKey
        where TGrain : Grain, TGrainInterface
    {
        registry.Register(typeof(TGrainInterface), typeof(TGrain));
        return this;
    }

    public GrainRuntimeBuilder AddIngressHandler<THandler>()
        where THandler : class, IIngressHandler
    {
        Services.AddSingleton<IIngressHandler, THandler>();
        return this;
    }

    public GrainRuntimeBuilder Configure(Action<GrainRuntimeOptions> configure)
    {
        Services.AddSingleton(configure);
        return this;
    }

    /// <summary>Everything in memory: grain state, reminders and the inbox. For tests and throwaway runs.</summary>
    public GrainRuntimeBuilder UseMemoryStorage(MemoryStore? store = null)
    {
        store ??= new MemoryStore();
        Services.RemoveAll<IReminderTable>();
        Services.RemoveAll<IIngressStore>();
        Services.RemoveAll<IGrainStateInspector>();
        Services.AddKeyedSingleton<IGrainStorage>(GrainRuntime.DefaultStorageName, (_, _) => new MemoryGrainStorage(store));
        Services.AddSingleton<IReminderTable>(new MemoryReminderTable(store));
        Services.AddSingleton<IIngressStore>(sp => new MemoryIngressStore(store, sp.GetRequiredService<TimeProvider>()));
        Services.AddSingleton<IGrainStateInspector>(new MemoryGrainStateInspector(store));
        return this;
    }
}
