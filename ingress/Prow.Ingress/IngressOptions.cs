namespace Prow.Ingress;

public sealed class IngressOptions
{
    /// <summary>
    /// Failures that say the handler could not be reached rather than that it failed (a silo of the cluster died and
    /// is not yet declared dead): retried every <see cref="TransientRetryDelay"/> without counting toward parking.
    /// </summary>
    public Func<Exception, bool>? IsTransient { get; set; }

    public TimeSpan TransientRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many times a handler may fail on one input before it is parked as failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Accept and store inputs but do not handle them until a restart without this (maintenance mode).</summary>
    public bool Hold { get; set; }

    /// <summary>Completed inputs (and their dedupe keys) are kept this long.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How many inputs are handled at once.</summary>
    public int Concurrency { get; set; } = 64;

    /// <summary>How long stopping waits for inputs being handled; what is unfinished then is replayed on the next start.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
