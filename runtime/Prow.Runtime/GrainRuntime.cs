using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using Prow.Runtime.Activation;
using Prow.Runtime.Messaging;
using Prow.Runtime.Reminders;
using Prow.Runtime.Storage;

namespace Prow.Runtime;

/// <summary>
/// The silo's grain runtime: the activation directory and message dispatch. Also the <see cref="IGrainFactory"/>.
/// </summary>
public sealed class GrainRuntime : IGrainFactory, IDisposable
{
    public const string DefaultStorageName = "Default";

    private readonly ConcurrentDictionary<GrainId, ActivationData> _directory = new();
    private readonly GrainTypeRegistry _registry;
    private readonly CancellationTokenSource _stopping = new();
    private ReminderService? _reminders;
    private volatile bool _stopped;

    public GrainRuntime(IServiceProvider services, GrainTypeRegistry registry, GrainRuntimeOptions options, RuntimeStatistics statistics, TimeProvider timeProvider, ILogger<GrainRuntime> logger)
    {
        Services = services;
        _registry = registry;
        Options = options;
        Statistics = statistics;
        TimeProvider = timeProvider;
        Log = new RuntimeLog(logger);
    }

    public IServiceProvider Services { get; }

    public GrainRuntimeOptions Options { get; }

    public RuntimeStatistics Statistics { get; }

    public TimeProvider TimeProvider { get; }

    internal RuntimeLog Log { get; }

    internal CancellationToken StoppingToken => _stopping.Token;

    internal ReminderService Reminders => _reminders ??= Services.GetRequiredService<ReminderService>();

    public int ActivationCount => _directory.Count;

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(primaryKey);
        var info = _registry.ForInterface(typeof(TGrainInterface));
        return GrainReference.Create<TGrainInterface>(this, new GrainId(info.GrainType, primaryKey));
    }

    /// <summary>A reference to a grain known only by id (reminders, replayed inputs).</summary>
    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IGrain =>
        GrainReference.Create<TGrainInterface>(this, grainId);

    /// <summary>Activations per grain type, for the admin dashboard.</summary>
    public IReadOnlyList<(GrainId GrainId, int QueueLength, string Status)> ListActivations(int max)
    {
        return [.. _directory.Values.Take(max).Select(a => (a.GrainId, a.QueueLength, a.Status.ToString()))];
    }

    internal Task<TResult> SendCall<TResult>(GrainId target, MethodDescriptor method, object?[] arguments)
    {
        if (Options.SerializeCalls)
        {
            arguments = CallArgumentCopier.Copy(method, arguments);
        }

        var message = new CallMessage<TResult>(method, arguments, Options.SerializeCalls)
        {
            Chain = method.OneWay ? null : CallChain.Current,
            Interleave = method.AlwaysInterleave,
        };
        Dispatch(target, message);
        return method.OneWay ? Task.FromResult(default(TResult)!) : message.Task;
    }

    internal void Dispatch(GrainId target, Message message)
    {
        if (_stopped)
        {
            message.Fail(new InvalidOperationException($"The grain runtime has stopped; {message.Name} on {target} was not delivered."));
            return;
        }

        while (true)
        {
            ActivationData activation;
            try
            {
                activation = _directory.GetOrAdd(target, static (id, runtime) => new ActivationData(runtime, runtime._registry.ForType(id.Type), id), this);
            }
            catch (ArgumentException ex)
            {
                message.Fail(ex);
                return;
            }

            switch (activation.TryEnqueue(message))
            {
                case EnqueueResult.Accepted:
                    return;
                case EnqueueResult.Deadlock:
                    message.Fail(new DeadlockException(message.Chain!.ToGrainIds(target)));
                    return;
                case EnqueueResult.Retry when !activation.Deactivated.IsCompleted:
                    activation.Deactivated.ContinueWith(
                        _ => Dispatch(target, message),
                        CancellationToken.None,
                        TaskContinuationOptions.ExecuteSynchronously,
                        TaskScheduler.Default);
                    return;
                default:
                    RemoveActivation(activation);
                    continue;
            }
        }
    }

    internal void RemoveActivation(ActivationData activation) =>
        _directory.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation));

    internal object CreateGrainInstance(ActivationData activation)
    {
        var info = activation.ClassInfo;
        var arguments = new object?[info.Parameters.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            var parameter = info.Parameters[i];
            arguments[i] = parameter.PersistentState is { } attribute
                ? CreatePersistentState(parameter.Type.GetGenericArguments()[0], attribute, activation)
                : parameter.Type == typeof(IGrainContext) ? activation
                : parameter.Type == typeof(IGrainFactory) ? this
                : Services.GetRequiredService(parameter.Type);
        }

        using (RuntimeContext.EnterConstruction(activation))
        {
            return info.Constructor.Invoke(arguments);
        }
    }

    private object CreatePersistentState(Type stateType, PersistentStateAttribute attribute, ActivationData activation)
    {
        var storage = Services.GetRequiredKeyedService<IGrainStorage>(attribute.StorageName ?? DefaultStorageName);
        var state = Activator.CreateInstance(typeof(PersistentState<>).MakeGenericType(stateType), attribute.StateName, storage, activation, Statistics)!;
        activation.AddState((IActivationState)state);
        return state;
    }

    /// <summary>Collects activations idle longer than the collection age. Returns how many were asked to go.</summary>
    public int CollectIdleActivations(TimeSpan? idleFor = null)
    {
        var now = TimeProvider.GetTimestamp();
        var collected = 0;
        foreach (var activation in _directory.Values)
        {
            if (activation.TryCollectIdle(now, idleFor ?? Options.CollectionAge))
            {
                collected++;
            }
        }

        return collected;
    }

    /// <summary>Finishes queued and in-flight turns, deactivates every activation, then refuses further calls.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var deadline = TimeProvider.GetTimestamp() + (long)(Options.ShutdownTimeout.TotalSeconds * TimeProvider.TimestampFrequency);
        var reason = new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The silo is shutting down.");
        while (!_directory.IsEmpty && TimeProvider.GetTimestamp() < deadline && !cancellationToken.IsCancellationRequested)
        {
            var activations = _directory.Values.ToArray();
            foreach (var activation in activations)
            {
                activation.RequestDeactivation(reason, drainFirst: true);
            }

            await Task.WhenAny(Task.WhenAll(activations.Select(a => a.Deactivated)), Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider, CancellationToken.None));
        }

        _stopped = true;
        await _stopping.CancelAsync();
    }

    public void Dispose() => _stopping.Dispose();
}
