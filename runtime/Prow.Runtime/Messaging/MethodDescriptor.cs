using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Orleans.Concurrency;

namespace Prow.Runtime.Messaging;

/// <summary>
/// Everything the runtime needs to send and run one interface method, compiled once: a delegate that calls the
/// method on a grain and returns its task as <c>Task&lt;TResult&gt;</c>, and one that sends a call and returns
/// what the interface method's signature promises (Task, Task&lt;T&gt;, ValueTask, ValueTask&lt;T&gt;).
/// </summary>
internal sealed class MethodDescriptor
{
    private static readonly ConcurrentDictionary<MethodInfo, MethodDescriptor> s_cache = new();
    private static readonly MethodInfo s_sendGeneric = typeof(MethodDescriptor).GetMethod(nameof(SendTyped), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo s_asTaskOfObject = typeof(MethodDescriptor).GetMethod(nameof(AsTaskOfObject), BindingFlags.NonPublic | BindingFlags.Static)!;

    private MethodDescriptor(MethodInfo method)
    {
        Method = method;
        Name = $"{method.DeclaringType!.Name}.{method.Name}";
        ParameterTypes = [.. method.GetParameters().Select(p => p.ParameterType)];
        AlwaysInterleave = method.GetCustomAttribute<AlwaysInterleaveAttribute>() is not null;
        OneWay = method.GetCustomAttribute<OneWayAttribute>() is not null;

        var returnType = method.ReturnType;
        ResultType = returnType.IsGenericType && (returnType.GetGenericTypeDefinition() == typeof(Task<>) || returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? returnType.GetGenericArguments()[0]
            : returnType == typeof(Task) || returnType == typeof(ValueTask)
                ? typeof(object)
                : throw new NotSupportedException($"Grain method {Name} must return Task, Task<T>, ValueTask or ValueTask<T>, not {returnType.Name}.");
        Invoke = CompileInvoker(method, ResultType);
        Send = s_sendGeneric.MakeGenericMethod(ResultType).CreateDelegate<Func<GrainRuntime, Orleans.Runtime.GrainId, MethodDescriptor, object?[], object>>();
    }

    public MethodInfo Method { get; }

    public string Name { get; }

    public Type[] ParameterTypes { get; }

    public Type ResultType { get; }

    public bool AlwaysInterleave { get; }

    public bool OneWay { get; }

    /// <summary>Calls the method on a grain; the returned task is a <c>Task&lt;ResultType&gt;</c>.</summary>
    public Func<object, object?[], Task> Invoke { get; }

    /// <summary>Sends a call and returns the interface method's return value.</summary>
    public Func<GrainRuntime, Orleans.Runtime.GrainId, MethodDescriptor, object?[], object> Send { get; }

    public static MethodDescriptor For(MethodInfo method) => s_cache.GetOrAdd(method, static m => new MethodDescriptor(m));

    private static object SendTyped<TResult>(GrainRuntime runtime, Orleans.Runtime.GrainId target, MethodDescriptor method, object?[] arguments)
    {
        var task = runtime.SendCall<TResult>(target, method, arguments);
        var returnType = method.Method.ReturnType;
        if (returnType == typeof(Task) || returnType == typeof(Task<TResult>))
        {
            return task;
        }

        return returnType == typeof(ValueTask) ? new ValueTask(task) : new ValueTask<TResult>(task);
    }

    private static Func<object, object?[], Task> CompileInvoker(MethodInfo method, Type resultType)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var parameters = method.GetParameters();
        var arguments = parameters.Select((p, i) => Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType));
        Expression call = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, arguments);

        var returnType = method.ReturnType;
        if (returnType == typeof(ValueTask) || (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            call = Expression.Call(call, returnType.GetMethod(nameof(ValueTask.AsTask))!);
        }

        if (returnType == typeof(Task) || returnType == typeof(ValueTask))
        {
            call = Expression.Call(s_asTaskOfObject, call);
        }

        _ = resultType;
        return Expression.Lambda<Func<object, object?[], Task>>(Expression.Convert(call, typeof(Task)), grain, args).Compile();
    }

    private static Task<object?> AsTaskOfObject(Task task)
    {
        if (task.IsCompletedSuccessfully)
        {
            return Task.FromResult<object?>(null);
        }

        return Await(task);

        static async Task<object?> Await(Task task)
        {
            await task;
            return null;
        }
    }
}
