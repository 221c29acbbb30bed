using Orleans.Storage;

namespace Prow.Runtime.Messaging;

/// <summary>A grain method call whose result (or exception) completes the caller's task.</summary>
internal sealed class CallMessage<TResult>(MethodDescriptor method, object?[] arguments, bool serializeResult) : Message
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<TResult> Task => _completion.Task;

    public override string Name => method.Name;

    public override ValueTask InvokeAsync(object grain)
    {
        Task<TResult> task;
        try
        {
            task = (Task<TResult>)method.Invoke(grain, arguments);
        }
        catch (Exception ex)
        {
            _completion.TrySetException(ex);
            return ValueTask.CompletedTask;
        }

        if (task.IsCompletedSuccessfully)
        {
            Complete(task.Result);
            return ValueTask.CompletedTask;
        }

        return AwaitAsync(task);
    }

    public override void Fail(Exception exception) => _completion.TrySetException(exception);

    private async ValueTask AwaitAsync(Task<TResult> task)
    {
        try
        {
            Complete(await task);
        }
        catch (OperationCanceledException ex)
        {
            _completion.TrySetCanceled(ex.CancellationToken);
        }
        catch (Exception ex)
        {
            _completion.TrySetException(ex);
        }
    }

    private void Complete(TResult result)
    {
        if (serializeResult && result is not null)
        {
            try
            {
                result = GrainStateSerializer.Deserialize<TResult>(GrainStateSerializer.Serialize(result));
            }
            catch (Exception ex)
            {
                _completion.TrySetException(new InvalidOperationException($"Result of {method.Name} could not be serialized: {ex.Message}", ex));
                return;
            }
        }

        _completion.TrySetResult(result);
    }
}
