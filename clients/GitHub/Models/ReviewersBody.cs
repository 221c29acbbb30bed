namespace Prow.Clients.GitHub;

internal sealed record ReviewersBody(IReadOnlyList<string> Reviewers, IReadOnlyList<string> TeamReviewers)
{
    /// <summary>
    /// People go to <c>reviewers</c>; an <c>org/team</c> of the repository's org goes to <c>team_reviewers</c> by its
    /// slug. A team of another org stays a login, which GitHub refuses (422) as it refuses any unknown reviewer.
    /// </summary>
    public static ReviewersBody For(string owner, IReadOnlyList<string> logins)
    {
        var (people, teams) = (new List<string>(), new List<string>());
        foreach (var login in logins)
        {
            var slash = login.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0 && string.Equals(login[..slash], owner, StringComparison.OrdinalIgnoreCase))
            {
                teams.Add(login[(slash + 1)..]);
            }
            else
            {
                people.Add(login);
            }
        }

        return new ReviewersBody(people, teams);
    }
}
