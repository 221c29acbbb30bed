namespace Orleans.Runtime;

public interface IStorage
{
    string? Etag { get; }

    bool RecordExists { get; }

    Task ReadStateAsync();

    Task WriteStateAsync();

    Task ClearStateAsync();
}

public interface IStorage<TState> : IStorage
{
    TState State { get; set; }
}

/// <summary>Persistent state injected into a grain's constructor; loaded before <c>OnActivateAsync</c>.</summary>
public interface IPersistentState<TState> : IStorage<TState>;
