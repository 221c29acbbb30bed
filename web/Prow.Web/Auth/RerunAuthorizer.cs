using Prow.Clients.GitHub;
using Prow.Config.Jobs;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Services.Configuration;

namespace Prow.Web.Auth;

/// <summary>
/// Deck's <c>rerun_auth_configs</c>: <c>allow_anyone</c>, then the logged-in GitHub user by name, by org membership
/// or by team membership (asked of GitHub with the bot's client, as Prow does).
/// </summary>
public sealed class RerunAuthorizer(IConfigSource config, IOrganizationClient github, DeckOptions options)
{
    public async Task<RerunDecision> CheckAsync(string? login, ProwJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var refs = job.Spec.MainRefs;
        var auth = config.Current.Prow.Deck.RerunAuthConfigFor(refs?.Org ?? "", refs?.Repo ?? "", job.Spec.Cluster);
        if (auth?.AllowAnyone == true)
        {
            return RerunDecision.Allow("anyone may rerun this job");
        }

        if (options.GitHubOAuth is null)
        {
            return RerunDecision.Deny("Rerun needs a GitHub login, and this deck has no GitHub OAuth app configured.");
        }

        if (login is null)
        {
            return RerunDecision.Deny("Log in with GitHub to rerun or abort.");
        }

        if (auth is not null && await IsAllowedAsync(auth, login, cancellationToken))
        {
            return RerunDecision.Allow($"{login} may rerun this job");
        }

        var repo = refs is null ? "this job" : $"{refs.Org}/{refs.Repo}";
        return RerunDecision.Deny($"{login} is not allowed to rerun or abort jobs of {repo} (deck.rerun_auth_configs).");
    }

    private async Task<bool> IsAllowedAsync(RerunAuthConfig auth, string login, CancellationToken cancellationToken)
    {
        if (auth.GitHubUsers.Contains(login, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var org in auth.GitHubOrgs)
        {
            if (await github.IsMemberAsync(org, login, cancellationToken))
            {
                return true;
            }
        }

        foreach (var orgAndSlug in auth.GitHubTeamSlugs)
        {
            var (org, slug) = (orgAndSlug[..Math.Max(0, orgAndSlug.IndexOf('/', StringComparison.Ordinal))], orgAndSlug[(orgAndSlug.IndexOf('/', StringComparison.Ordinal) + 1)..]);
            var members = await github.ListTeamMembersBySlugAsync(org, slug, cancellationToken);
            if (members.Any(m => string.Equals(m.Login, login, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}
