using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Prow.Services.Admin;
using Prow.Storage.Serialization;

namespace Prow.Storage;

public static class MemorySiloBuilderExtensions
{
    /// <summary>
    /// Orleans' memory grain storage as the default grain storage, writing our JSON state format
    /// (<see cref="JsonGrainStateSerializer"/>), and Orleans' in-memory reminder service. Nothing survives the silo.
    /// Its state cannot be listed: the <see cref="IStoredStateReader"/> says so.
    /// </summary>
    public static ISiloBuilder UseProwMemoryStorage(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureServices(services => services.AddProwStateSerializer().AddSingleton<IStoredStateReader, UnlistedStoredStateReader>());
        builder.AddMemoryGrainStorageAsDefault(options => options.GrainStorageSerializer = JsonGrainStateSerializer.Instance);
        builder.UseInMemoryReminderService();
        return builder;
    }
}
