namespace Orleans.Concurrency;

/// <summary>The grain's calls may interleave at await points (still one thread at a time).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class ReentrantAttribute : Attribute;
