namespace Orleans.Concurrency;

/// <summary>This interface method may interleave with any other call on the activation.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class AlwaysInterleaveAttribute : Attribute;
