namespace Orleans.Concurrency;

/// <summary>The caller does not wait for this call: its task completes once the call is queued.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class OneWayAttribute : Attribute;
