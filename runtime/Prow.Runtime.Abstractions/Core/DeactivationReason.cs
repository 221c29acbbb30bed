namespace Orleans;

public enum DeactivationReasonCode
{
    None,
    ActivationIdle,
    ApplicationRequested,
    ShuttingDown,
    ActivationFailed,
    /// <summary>A state write found a newer ETag: this activation's copy is stale.</summary>
    InconsistentState,
}

public readonly record struct DeactivationReason(DeactivationReasonCode ReasonCode, string Description, Exception? Exception = null)
{
    public override string ToString() => $"{ReasonCode}: {Description}";
}
