namespace Prow.Ingress.Tests;

public sealed class MemoryIngressStoreTests : IngressStoreContract
{
    private MemoryIngressStore? _store;

    /// <summary>The same store each time: it outlives a pipeline, not the process.</summary>
    protected override Task<OpenedStore> OpenAsync() => Task.FromResult(new OpenedStore(_store ??= new MemoryIngressStore(Time)));
}
