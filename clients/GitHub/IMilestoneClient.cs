namespace Prow.Clients.GitHub;

/// <summary>A repository's milestones and the milestone of an issue or pull request.</summary>
public interface IMilestoneClient
{
    /// <summary>The repository's open milestones (GitHub's default listing), following pagination.</summary>
    Task<IReadOnlyList<Milestone>> ListMilestonesAsync(string owner, string repo, CancellationToken cancellationToken);

    Task SetMilestoneAsync(string owner, string repo, int number, int milestoneNumber, CancellationToken cancellationToken);

    Task ClearMilestoneAsync(string owner, string repo, int number, CancellationToken cancellationToken);
}
