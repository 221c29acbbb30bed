using Prow.Runtime.Storage.Memory;

namespace Prow.Runtime.Tests.Contract;

public sealed class MemoryStorageContractTests : StorageProviderContract
{
    private readonly MemoryStore _store = new();

    protected override Task<ProviderUnderTest> OpenAsync() =>
        Task.FromResult(new ProviderUnderTest(new MemoryGrainStorage(_store), new MemoryReminderTable(_store), new MemoryIngressStore(_store, TimeProvider.System), new MemoryGrainStateInspector(_store)));
}
