using System.Collections.Concurrent;

namespace Prow.Runtime.Tests;

/// <summary>Where test grains report what happened to them, so tests can wait on events instead of sleeping.</summary>
internal sealed class TestProbe
{
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private readonly ConcurrentQueue<string> _events = new();
    private readonly Lock _lock = new();
    private readonly List<(Func<bool> Condition, TaskCompletionSource Signal)> _waiters = [];

    public IReadOnlyCollection<string> Events => [.. _events];

    public int Count(string name) => _counts.GetValueOrDefault(name);

    public void Record(string name)
    {
        _counts.AddOrUpdate(name, 1, (_, c) => c + 1);
        _events.Enqueue(name);
        lock (_lock)
        {
            foreach (var waiter in _waiters.Where(w => w.Condition()).ToList())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>
    /// Completes when the condition holds; fails the test after a generous bound. Woken by each recorded event, and
    /// also re-checked every few milliseconds, since a condition may turn true without an event (a deactivation).
    /// </summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what, int seconds = 15)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _waiters.Add((condition, signal));
        }

        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        try
        {
            while (!condition())
            {
                Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for: {what}. Events: {string.Join(", ", _events)}");
                await Task.WhenAny(signal.Task, Task.Delay(10));
            }
        }
        finally
        {
            lock (_lock)
            {
                _waiters.Remove((condition, signal));
            }
        }
    }
}
