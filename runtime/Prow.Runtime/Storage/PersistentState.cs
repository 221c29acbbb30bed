using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using Prow.Runtime.Activation;

namespace Prow.Runtime.Storage;

/// <summary>
/// <see cref="IPersistentState{TState}"/> over a storage provider. A write that meets a newer ETag throws
/// <see cref="InconsistentStateException"/> and drops the activation, so the next call re-reads the truth.
/// </summary>
internal sealed class PersistentState<TState> : IPersistentState<TState>, IActivationState
{
    private readonly string _stateName;
    private readonly IGrainStorage _storage;
    private readonly ActivationData _activation;
    private readonly RuntimeStatistics _statistics;
    private readonly GrainState<TState> _grainState;

    public PersistentState(string stateName, IGrainStorage storage, ActivationData activation, RuntimeStatistics statistics)
    {
        _stateName = stateName;
        _storage = storage;
        _activation = activation;
        _statistics = statistics;
        _grainState = new GrainState<TState>(CreateDefault());
    }

    public TState State
    {
        get => _grainState.State;
        set => _grainState.State = value;
    }

    public string? Etag => _grainState.ETag;

    public bool RecordExists => _grainState.RecordExists;

    public Task ReadOnActivationAsync() => ReadStateAsync();

    public Task ReadStateAsync() => RunAsync(async () =>
    {
        await _storage.ReadStateAsync(_stateName, _activation.GrainId, _grainState);
        if (!_grainState.RecordExists || _grainState.State is null)
        {
            _grainState.State = CreateDefault();
        }
    });

    public Task WriteStateAsync() => RunAsync(() => _storage.WriteStateAsync(_stateName, _activation.GrainId, _grainState));

    public Task ClearStateAsync() => RunAsync(async () =>
    {
        await _storage.ClearStateAsync(_stateName, _activation.GrainId, _grainState);
        _grainState.State = CreateDefault();
    });

    private async Task RunAsync(Func<Task> operation)
    {
        try
        {
            await operation();
        }
        catch (InconsistentStateException ex)
        {
            _statistics.StorageError();
            _activation.Deactivate(new DeactivationReason(DeactivationReasonCode.InconsistentState, ex.Message, ex));
            throw;
        }
        catch (Exception)
        {
            _statistics.StorageError();
            throw;
        }
    }

    private static TState CreateDefault()
    {
        try
        {
            return Activator.CreateInstance<TState>();
        }
        catch (MissingMethodException ex)
        {
            throw new InvalidOperationException($"State type {typeof(TState).Name} needs a public parameterless constructor (give every record parameter a default).", ex);
        }
    }
}
