namespace Prow.Runtime.Messaging;

/// <summary>Runtime work delivered as a turn (timer ticks): runs a callback against the grain.</summary>
internal sealed class DelegateMessage(string name, Func<object, Task> callback) : Message
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Task => _completion.Task;

    public override string Name => name;

    public override bool BoundToActivation => true;

    public override async ValueTask InvokeAsync(object grain)
    {
        try
        {
            await callback(grain);
            _completion.TrySetResult();
        }
        catch (Exception ex)
        {
            _completion.TrySetException(ex);
        }
    }

    public override void Fail(Exception exception) => _completion.TrySetException(exception);

    public override void Drop() => _completion.TrySetCanceled();
}
