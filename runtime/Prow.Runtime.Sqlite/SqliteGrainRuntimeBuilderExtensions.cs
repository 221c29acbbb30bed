using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Storage;
using Prow.Runtime.Hosting;
using Prow.Runtime.Ingress;
using Prow.Runtime.Inspection;

namespace Prow.Runtime.Sqlite;

public static class SqliteGrainRuntimeBuilderExtensions
{
    /// <summary>Grain state, reminders and the inbox in one SQLite database, opened (and migrated) by the caller.</summary>
    public static GrainRuntimeBuilder UseSqliteStorage(this GrainRuntimeBuilder builder, SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.RemoveAll<IReminderTable>();
        services.RemoveAll<IIngressStore>();
        services.RemoveAll<IGrainStateInspector>();
        services.AddSingleton(_ => database);
        // Every store resolves the database from the container, so the container creates it and closes it with the host.
        services.AddKeyedSingleton<IGrainStorage>(GrainRuntime.DefaultStorageName, (sp, _) => new SqliteGrainStorage(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IReminderTable>(sp => new SqliteReminderTable(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<IIngressStore>(sp => new SqliteIngressStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IGrainStateInspector>(sp => new SqliteGrainStateInspector(sp.GetRequiredService<SqliteDatabase>()));
        return builder;
    }
}
