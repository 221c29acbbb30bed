namespace Prow.Runtime.Activation;

/// <summary>
/// Runs one activation's work items one at a time, in order, on the thread pool. Grain code runs with this as
/// <see cref="TaskScheduler.Current"/>, so its awaits resume here and a turn never runs on two threads at once.
/// </summary>
internal sealed class ActivationTaskScheduler : TaskScheduler, IThreadPoolWorkItem
{
    private readonly Queue<Task> _tasks = new();
    private bool _draining;

    [ThreadStatic]
    private static ActivationTaskScheduler? t_running;

    public override int MaximumConcurrencyLevel => 1;

    protected override void QueueTask(Task task)
    {
        lock (_tasks)
        {
            _tasks.Enqueue(task);
            if (_draining)
            {
                return;
            }

            _draining = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
    }

    void IThreadPoolWorkItem.Execute()
    {
        t_running = this;
        try
        {
            while (true)
            {
                Task task;
                lock (_tasks)
                {
                    if (!_tasks.TryDequeue(out task!))
                    {
                        _draining = false;
                        return;
                    }
                }

                TryExecuteTask(task);
            }
        }
        finally
        {
            t_running = null;
        }
    }

    // Inline only when already draining on this thread: then ordering and exclusivity still hold.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        !taskWasPreviouslyQueued && t_running == this && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks()
    {
        lock (_tasks)
        {
            return [.. _tasks];
        }
    }
}
