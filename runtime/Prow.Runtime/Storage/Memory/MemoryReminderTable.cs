using System.Globalization;
using Orleans.Runtime;
using Orleans.Storage;

namespace Prow.Runtime.Storage.Memory;

public sealed class MemoryReminderTable(MemoryStore store) : IReminderTable
{
    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken)
    {
        lock (store.Lock)
        {
            return Task.FromResult<IReadOnlyList<ReminderEntry>>([.. store.Reminders.Values]);
        }
    }

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        lock (store.Lock)
        {
            return Task.FromResult<IReadOnlyList<ReminderEntry>>([.. store.Reminders.Values.Where(r => r.GrainId == grainId)]);
        }
    }

    public Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        lock (store.Lock)
        {
            return Task.FromResult(store.Reminders.GetValueOrDefault((grainId, reminderName)));
        }
    }

    public Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (store.Lock)
        {
            var key = (entry.GrainId, entry.ReminderName);
            if (entry.ETag is not null && store.Reminders.GetValueOrDefault(key)?.ETag != entry.ETag)
            {
                throw new InconsistentStateException($"Reminder {entry.ReminderName} of {entry.GrainId} changed", store.Reminders.GetValueOrDefault(key)?.ETag, entry.ETag);
            }

            var etag = (store.NextReminderVersion++).ToString(CultureInfo.InvariantCulture);
            store.Reminders[key] = entry with { ETag = etag };
            return Task.FromResult(etag);
        }
    }

    public Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        lock (store.Lock)
        {
            if (store.Reminders.TryGetValue((grainId, reminderName), out var row) && row.ETag == eTag)
            {
                store.Reminders.Remove((grainId, reminderName));
                return Task.FromResult(true);
            }

            return Task.FromResult(false);
        }
    }
}
