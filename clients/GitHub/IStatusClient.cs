namespace Prow.Clients.GitHub;

public interface IStatusClient
{
    Task CreateStatusAsync(string owner, string repo, string sha, NewCommitStatus status, CancellationToken cancellationToken);

    /// <summary>Every status on a ref, newest first, all contexts (several per context over time).</summary>
    Task<IReadOnlyList<CommitStatus>> ListStatusesAsync(string owner, string repo, string gitRef, CancellationToken cancellationToken);

    Task<CombinedStatus> GetCombinedStatusAsync(string owner, string repo, string gitRef, CancellationToken cancellationToken);

    Task<IReadOnlyList<CheckRun>> ListCheckRunsAsync(string owner, string repo, string gitRef, CancellationToken cancellationToken);
}
