using Prow.Clients.GitHub;

namespace Prow.Grains.Tide;

/// <summary>A commit's status contexts and check runs as one map of context → pending, success, failure or error.</summary>
public static class ContextStates
{
    public static Dictionary<string, string> From(CombinedStatus combined, IReadOnlyList<CheckRun> checkRuns)
    {
        ArgumentNullException.ThrowIfNull(combined);
        ArgumentNullException.ThrowIfNull(checkRuns);
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var status in combined.Statuses)
        {
            states[status.Context] = StateOf(status.State);
        }

        foreach (var run in checkRuns)
        {
            states[run.Name] = StateOfCheckRun(run.Status, run.Conclusion);
        }

        return states;
    }

    public static string StateOf(StatusState state) => state switch
    {
        StatusState.Success => "success",
        StatusState.Failure => "failure",
        StatusState.Error => "error",
        _ => "pending",
    };

    /// <summary>A check run counts as passed when it completed as success, neutral or skipped.</summary>
    public static string StateOfCheckRun(string status, string? conclusion) =>
        status != "completed" ? "pending"
        : conclusion is "success" or "neutral" or "skipped" ? "success"
        : "failure";
}
