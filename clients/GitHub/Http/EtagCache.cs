namespace Prow.Clients.GitHub;

/// <summary>
/// GET responses kept for conditional requests (ghproxy's ghCache). Entries are always revalidated
/// with If-None-Match, so a stale entry costs a normal request, never a wrong answer.
/// Bounded by bytes, not entries (a PR file list can be megabytes, a membership check nothing):
/// least recently used entries go first once <c>capacityBytes</c> is reached.
/// </summary>
internal sealed class EtagCache(long capacityBytes)
{
    internal const int EntryOverhead = 256; // node, record, headers: a rough per-entry cost
    private long _bytes;

    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _order = new();
    private readonly Lock _lock = new();

    public long Bytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public GitHubResponse? TryGet(string key)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var node))
            {
                return null;
            }

            _order.Remove(node);
            _order.AddFirst(node);
            return node.Value.Response;
        }
    }

    public void Set(string key, GitHubResponse response)
    {
        var size = Size(key, response);
        if (size > capacityBytes || string.IsNullOrEmpty(response.ETag))
        {
            return;
        }

        lock (_lock)
        {
            if (_entries.Remove(key, out var existing))
            {
                _order.Remove(existing);
                _bytes -= Size(key, existing.Value.Response);
            }

            _entries[key] = _order.AddFirst(new Entry(key, response));
            _bytes += size;
            while (_bytes > capacityBytes && _order.Last is { } oldest)
            {
                _order.RemoveLast();
                _entries.Remove(oldest.Value.Key);
                _bytes -= Size(oldest.Value.Key, oldest.Value.Response);
            }
        }
    }

    private static long Size(string key, GitHubResponse response) =>
        response.Body.Length + ((key.Length + (response.Link?.Length ?? 0)) * 2L) + EntryOverhead;

    private sealed record Entry(string Key, GitHubResponse Response);
}
