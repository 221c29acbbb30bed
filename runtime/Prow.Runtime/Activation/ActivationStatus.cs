namespace Prow.Runtime.Activation;

internal enum ActivationStatus
{
    /// <summary>Created in the directory; the grain is constructed and activated by the first turn.</summary>
    Created,
    Valid,
    Deactivating,
    Invalid,
}
