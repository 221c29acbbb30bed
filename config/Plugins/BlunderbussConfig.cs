namespace Prow.Config.Plugins;

/// <summary>The <c>blunderbuss</c> section; request_count defaults to 2.</summary>
public sealed record BlunderbussConfig
{
    public int? MaxRequestCount { get; init; }
    public int RequestCount { get; init; } = 2;
    public bool ExcludeApprovers { get; init; }
    public bool UseStatusAvailability { get; init; }
    public bool IgnoreDrafts { get; init; }
    public IReadOnlyList<string> IgnoreAuthors { get; init; } = [];
    public object? WaitForStatus { get; init; }
}
