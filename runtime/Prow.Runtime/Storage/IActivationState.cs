namespace Prow.Runtime.Storage;

/// <summary>A piece of persistent state that an activation loads before <c>OnActivateAsync</c>.</summary>
internal interface IActivationState
{
    Task ReadOnActivationAsync();
}
