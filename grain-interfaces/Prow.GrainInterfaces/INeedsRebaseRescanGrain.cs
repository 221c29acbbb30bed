using Orleans;

namespace Prow.GrainInterfaces;

/// <summary>
/// The needs-rebase plugin's periodic pass over every open pull request (key "needs-rebase"), on a durable reminder
/// every <c>--needs-rebase-update-period</c> (Prow's <c>--update-period</c>, a day by default).
/// </summary>
public interface INeedsRebaseRescanGrain : IGrainWithStringKey, IRemindable
{
    Task EnsureScheduledAsync();

    /// <summary>One pass now, whatever the schedule; how many pull requests it looked at.</summary>
    Task<int> RescanAsync();
}
