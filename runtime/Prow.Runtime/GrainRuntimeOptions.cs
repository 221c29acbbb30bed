namespace Prow.Runtime;

public sealed class GrainRuntimeOptions
{
    /// <summary>An activation idle this long is collected (Orleans' CollectionAge).</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the idle collector looks.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Reminders shorter than this are refused (Orleans: one minute); tests lower it.</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long shutdown waits for in-flight turns and deactivations.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Round-trip every call's arguments and result through the serializer, proving a second silo could carry them.</summary>
    public bool SerializeCalls { get; set; }

    /// <summary>Ingress: how many times a handler may fail on one input before it is parked as failed.</summary>
    public int IngressMaxAttempts { get; set; } = 5;

    /// <summary>Ingress: accept and store inputs but do not handle them until a restart without this (maintenance mode).</summary>
    public bool HoldIngress { get; set; }

    /// <summary>Ingress: completed inputs (and their dedupe keys) are kept this long.</summary>
    public TimeSpan IngressRetention { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Ingress: how many inputs are handled at once.</summary>
    public int IngressConcurrency { get; set; } = 64;
}
