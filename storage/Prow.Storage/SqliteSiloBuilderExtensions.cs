using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Prow.Services.Admin;
using Prow.Storage.Serialization;
using Prow.Storage.Sqlite;

namespace Prow.Storage;

public static class SqliteSiloBuilderExtensions
{
    /// <summary>
    /// Grain state (as the default grain storage, "Default"), reminders and the <see cref="IStoredStateReader"/> in one
    /// SQLite database, opened (and migrated) by the caller. The silo's container owns the database from here on and
    /// disposes it when the host is disposed.
    /// </summary>
    public static ISiloBuilder UseProwSqliteStorage(this ISiloBuilder builder, SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(database);

        builder.AddReminders();
        builder.ConfigureServices(services =>
        {
            // Registered through a factory, so the container disposes it with the host.
            services.AddSingleton(_ => database);
            services.AddProwStateSerializer();
            services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (sp, name) => new SqliteGrainStorage(
                sp.GetRequiredService<SqliteDatabase>(),
                sp.GetRequiredKeyedService<IGrainStorageSerializer>(name),
                sp.GetRequiredService<IActivatorProvider>(),
                sp.GetService<TimeProvider>() ?? TimeProvider.System));
            services.AddSingleton(sp => new SqliteReminderTable(sp.GetRequiredService<SqliteDatabase>()));
            services.AddSingleton<IReminderTable>(sp => sp.GetRequiredService<SqliteReminderTable>());
            services.AddSingleton<IStoredStateReader>(sp => new SqliteStoredStateReader(sp.GetRequiredService<SqliteDatabase>()));
        });
        return builder;
    }

    /// <summary>
    /// Our JSON state format (<see cref="JsonGrainStateSerializer"/>) for the default grain storage, as Orleans looks
    /// serializers up: keyed by the storage's name.
    /// </summary>
    internal static IServiceCollection AddProwStateSerializer(this IServiceCollection services)
    {
        services.AddSingleton(JsonGrainStateSerializer.Instance);
        services.AddKeyedSingleton<IGrainStorageSerializer>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, JsonGrainStateSerializer.Instance);
        return services;
    }
}
