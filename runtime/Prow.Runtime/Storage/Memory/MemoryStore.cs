using Orleans.Runtime;
using Orleans.Storage;
using Prow.Runtime.Ingress;

namespace Prow.Runtime.Storage.Memory;

/// <summary>
/// The backing data of the in-memory providers. It outlives a silo when a test keeps it, which is how the
/// provider contract's "restart" is modelled for memory.
/// </summary>
public sealed class MemoryStore
{
    internal readonly Lock Lock = new();
    internal readonly Dictionary<(string StateName, GrainId GrainId), (byte[] Payload, long Version)> States = [];
    internal readonly Dictionary<(GrainId GrainId, string Name), ReminderEntry> Reminders = [];
    internal readonly SortedDictionary<long, IngressRow> Ingress = [];
    internal readonly Dictionary<string, long> IngressByDedupeKey = new(StringComparer.Ordinal);
    internal long NextIngressId = 1;
    internal long NextReminderVersion = 1;

    internal sealed class IngressRow(IngressEntry entry)
    {
        public IngressEntry Entry { get; set; } = entry;

        public IngressRowStatus Status { get; set; } = IngressRowStatus.Pending;

        public string? LastError { get; set; }
    }

    internal enum IngressRowStatus
    {
        Pending,
        Completed,
        Failed,
    }
}
