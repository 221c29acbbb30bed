namespace Prow.Clients.GitHub;

/// <summary>
/// GET responses kept for conditional requests (ghproxy's ghCache). Entries are always revalidated
/// with If-None-Match, so a stale entry costs a normal request, never a wrong answer.
/// Least recently used entries go first once <c>capacity</c> is reached.
/// </summary>
internal sealed class EtagCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _order = new();
    private readonly Lock _lock = new();

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
        if (capacity <= 0 || string.IsNullOrEmpty(response.ETag))
        {
            return;
        }

        lock (_lock)
        {
            if (_entries.Remove(key, out var existing))
            {
                _order.Remove(existing);
            }

            _entries[key] = _order.AddFirst(new Entry(key, response));
            while (_entries.Count > capacity && _order.Last is { } oldest)
            {
                _order.RemoveLast();
                _entries.Remove(oldest.Value.Key);
            }
        }
    }

    private sealed record Entry(string Key, GitHubResponse Response);
}
