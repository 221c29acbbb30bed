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
        // Registered through a factory so the container owns it and closes it with the host.
        services.AddSingleton(_ => database);
        services.AddKeyedSingleton<IGrainStorage>(GrainRuntime.DefaultStorageName, (sp, _) => new SqliteGrainStorage(database, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IReminderTable>(new SqliteReminderTable(database));
        services.AddSingleton<IIngressStore>(sp => new SqliteIngressStore(database, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IGrainStateInspector>(new SqliteGrainStateInspector(database));
        return builder;
    }
}
