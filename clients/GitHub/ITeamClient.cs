namespace Prow.Clients.GitHub;

/// <summary>Teams named by their numeric id, as older Prow configurations name them.</summary>
public interface ITeamClient
{
    /// <summary>Members of every role, through GitHub's id-addressed (legacy) team endpoint.</summary>
    Task<IReadOnlyList<User>> ListTeamMembersByIdAsync(long teamId, CancellationToken cancellationToken);
}
