using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;

namespace Prow.Storage.Tests.Contract;

/// <summary>
/// Orleans' memory grain storage and in-memory reminder table, as <see cref="MemorySiloBuilderExtensions.UseProwMemoryStorage"/>
/// registers them: both live in grains, so they are taken from a running silo rather than built by hand.
/// </summary>
public sealed class MemoryStorageContractTests(MemoryStorageContractTests.MemorySilo silo) : StorageContract, IClassFixture<MemoryStorageContractTests.MemorySilo>
{
    protected override IGrainStorage Grains => silo.Silo.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);

    protected override IReminderTable Reminders => silo.Silo.Services.GetRequiredService<IReminderTable>();

    public sealed class MemorySilo : IAsyncLifetime
    {
        public TestSilo Silo { get; private set; } = null!;

        public async Task InitializeAsync() => Silo = await TestSilo.StartAsync(s => s.UseProwMemoryStorage());

        public async Task DisposeAsync() => await Silo.DisposeAsync();
    }
}
