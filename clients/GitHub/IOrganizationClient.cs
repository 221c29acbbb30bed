namespace Prow.Clients.GitHub;

public interface IOrganizationClient
{
    Task<bool> IsMemberAsync(string org, string login, CancellationToken cancellationToken);

    Task<IReadOnlyList<User>> ListOrgMembersAsync(string org, CancellationToken cancellationToken);

    Task<IReadOnlyList<User>> ListTeamMembersBySlugAsync(string org, string teamSlug, CancellationToken cancellationToken);
}
