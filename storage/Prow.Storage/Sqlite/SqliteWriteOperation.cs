using Microsoft.Data.Sqlite;

namespace Prow.Storage.Sqlite;

/// <summary>One write, run inside the writer's shared transaction under its own savepoint.</summary>
internal abstract class SqliteWriteOperation
{
    /// <summary>Runs the write; false when it failed on its own (its savepoint is then rolled back).</summary>
    public abstract bool Execute(SqliteConnection connection);

    /// <summary>Reports the outcome once the shared transaction has committed.</summary>
    public abstract void Complete();

    /// <summary>Reports a failure of the shared transaction.</summary>
    public abstract void Fail(Exception exception);
}

internal sealed class SqliteWriteOperation<TResult>(Func<SqliteConnection, TResult> write) : SqliteWriteOperation
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TResult? _result;
    private Exception? _error;

    public Task<TResult> Task => _completion.Task;

    public override bool Execute(SqliteConnection connection)
    {
        try
        {
            _result = write(connection);
            return true;
        }
        catch (Exception ex)
        {
            _error = ex;
            return false;
        }
    }

    public override void Complete()
    {
        if (_error is not null)
        {
            _completion.TrySetException(_error);
        }
        else
        {
            _completion.TrySetResult(_result!);
        }
    }

    public override void Fail(Exception exception) => _completion.TrySetException(exception);
}
