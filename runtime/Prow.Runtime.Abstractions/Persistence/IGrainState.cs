namespace Orleans;

/// <summary>A grain's state as a storage provider reads and writes it.</summary>
public interface IGrainState<T>
{
    T State { get; set; }

    /// <summary>The version the state was read at; null when no record exists.</summary>
    string? ETag { get; set; }

    bool RecordExists { get; set; }
}

public sealed class GrainState<T>(T state) : IGrainState<T>
{
    public T State { get; set; } = state;

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}
