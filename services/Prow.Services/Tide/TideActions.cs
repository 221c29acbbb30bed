namespace Prow.Services.Tide;

/// <summary>What a pool does on one evaluation, by Prow's names (deck shows them with the underscore as a space).</summary>
public static class TideActions
{
    public const string Wait = "WAIT";
    public const string Trigger = "TRIGGER";
    public const string TriggerBatch = "TRIGGER_BATCH";
    public const string Merge = "MERGE";
    public const string MergeBatch = "MERGE_BATCH";
    public const string Blocked = "BLOCKED";

    /// <summary>Not in Prow: bisection found a pull request that fails alone, and said so on it.</summary>
    public const string BisectionCulprit = "BISECTION_CULPRIT";
}
