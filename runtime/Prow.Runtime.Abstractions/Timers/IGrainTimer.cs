namespace Orleans.Runtime;

/// <summary>An in-memory timer owned by one activation; gone when the activation is.</summary>
public interface IGrainTimer : IDisposable
{
    void Change(TimeSpan dueTime, TimeSpan period);
}
