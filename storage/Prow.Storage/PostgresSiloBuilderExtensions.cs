using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Prow.Services.Admin;
using Prow.Storage.Postgres;

namespace Prow.Storage;

public static class PostgresSiloBuilderExtensions
{
    /// <summary>
    /// Grain state (the default grain storage), reminders and the <see cref="IStoredStateReader"/> in one PostgreSQL
    /// database, opened (and migrated) by the caller, who also disposes it.
    /// </summary>
    public static ISiloBuilder UseProwPostgresStorage(this ISiloBuilder builder, PostgresDatabase database)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(database);

        builder.AddReminders();
        builder.ConfigureServices(services =>
        {
            services.AddSingleton(database);
            services.AddProwStateSerializer();
            services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (sp, name) => new PostgresGrainStorage(
                database,
                sp.GetRequiredKeyedService<IGrainStorageSerializer>(name),
                sp.GetRequiredService<IActivatorProvider>(),
                sp.GetService<TimeProvider>() ?? TimeProvider.System));
            services.AddSingleton<IReminderTable>(_ => new PostgresReminderTable(database));
            services.AddSingleton<IStoredStateReader>(_ => new PostgresStoredStateReader(database));
        });
        return builder;
    }

    /// <summary>
    /// Cluster membership through Orleans' ADO.NET clustering, which reads the queries this project's schema puts in
    /// <c>OrleansQuery</c>.
    /// </summary>
    public static ISiloBuilder UseProwPostgresClustering(this ISiloBuilder builder, PostgresDatabase database)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(database);
        return builder.UseAdoNetClustering(options =>
        {
            options.Invariant = "Npgsql";
            options.DataSource = database.DataSource;
        });
    }

    /// <summary>An Orleans client (a gateway) finds the silos' gateways in the same membership table.</summary>
    public static IClientBuilder UseProwPostgresClustering(this IClientBuilder builder, PostgresDatabase database)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(database);
        return builder.UseAdoNetClustering(options =>
        {
            options.Invariant = "Npgsql";
            options.DataSource = database.DataSource;
        });
    }

    /// <summary>
    /// What a process hosting no grains (a gateway, an Orleans client) reads of the database for the admin pages: the
    /// reminder table and stored grain state.
    /// </summary>
    public static IServiceCollection AddProwPostgresStateReaders(this IServiceCollection services, PostgresDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.AddSingleton(database);
        services.AddSingleton<IReminderTable>(_ => new PostgresReminderTable(database));
        return services.AddSingleton<IStoredStateReader>(_ => new PostgresStoredStateReader(database));
    }
}
