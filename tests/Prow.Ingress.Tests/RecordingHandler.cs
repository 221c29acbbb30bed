using System.Text;

namespace Prow.Ingress.Tests;

/// <summary>
/// A handler that records every call in the order the pipeline made it, and does what <see cref="Behavior"/> says
/// (succeed at once by default).
/// </summary>
internal sealed class RecordingHandler(string kind = RecordingHandler.DefaultKind) : IIngressHandler
{
    public const string DefaultKind = "test";

    private readonly Lock _lock = new();
    private readonly List<IngressEntry> _started = [];
    private readonly List<IngressEntry> _succeeded = [];
    private int _running;

    public string Kind { get; } = kind;

    public Func<IngressEntry, CancellationToken, Task> Behavior { get; set; } = (_, _) => Task.CompletedTask;

    /// <summary>What each entry is for (see <see cref="IIngressHandler.TargetOf"/>); none by default.</summary>
    public Func<IngressEntry, string?> Target { get; set; } = _ => null;

    public string? TargetOf(IngressEntry entry) => Target(entry);

    /// <summary>Every call, in the order the pipeline made them.</summary>
    public IReadOnlyList<IngressEntry> Started
    {
        get
        {
            lock (_lock)
            {
                return [.. _started];
            }
        }
    }

    /// <summary>The calls whose task succeeded, in the order they did.</summary>
    public IReadOnlyList<IngressEntry> Succeeded
    {
        get
        {
            lock (_lock)
            {
                return [.. _succeeded];
            }
        }
    }

    /// <summary>The most calls that were running at once.</summary>
    public int MaxRunning { get; private set; }

    public static string Text(IngressEntry entry) => Encoding.UTF8.GetString(entry.Payload.Span);

    public Task HandleAsync(IngressEntry entry, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _started.Add(entry);
            MaxRunning = Math.Max(MaxRunning, ++_running);
        }

        Task handling;
        try
        {
            handling = Behavior(entry, cancellationToken);
        }
        catch
        {
            Finished(entry, succeeded: false);
            throw;
        }

        return TrackAsync(entry, handling);
    }

    private async Task TrackAsync(IngressEntry entry, Task handling)
    {
        try
        {
            await handling;
        }
        catch
        {
            Finished(entry, succeeded: false);
            throw;
        }

        Finished(entry, succeeded: true);
    }

    private void Finished(IngressEntry entry, bool succeeded)
    {
        lock (_lock)
        {
            _running--;
            if (succeeded)
            {
                _succeeded.Add(entry);
            }
        }
    }
}
