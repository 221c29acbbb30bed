using Prow.Config.Plugins;
using Prow.Grains.OwnersFiles;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Override;

/// <summary>
/// Who may override: the repository's admins, members of the teams override.allowed_github_teams names for the repo
/// or its org, and, with override.allow_top_level_owners, the approvers of the root OWNERS file on the base branch.
/// </summary>
internal static class OverrideAuthorization
{
    public static async Task<bool> IsAuthorizedAsync(PluginContext context, RepoOwnersLoader owners, string org, string repo, string login, string baseBranch)
    {
        var ct = context.CancellationToken;
        if ((await context.GitHub.GetCollaboratorPermissionAsync(org, repo, login, ct)).Permission == "admin")
        {
            return true;
        }

        var config = context.Config.Plugins.Override;
        var teams = config.AllowedGitHubTeams;
        foreach (var slug in (teams.GetValueOrDefault($"{org}/{repo}") ?? []).Concat(teams.GetValueOrDefault(org) ?? []))
        {
            var members = await context.GitHub.ListTeamMembersBySlugAsync(org, slug, ct);
            if (members.Any(m => string.Equals(m.Login, login, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        if (!config.AllowTopLevelOwners)
        {
            return false;
        }

        var repoOwners = await owners.LoadAsync(context.GitHub, context.Config, org, repo, baseBranch, [], ct);
        return repoOwners.TopLevelApprovers().Contains(login.ToLowerInvariant());
    }

    /// <param name="org">Empty for the help page: every configured team is listed.</param>
    public static string WhoCanUse(OverrideConfig config, string org, string repo)
    {
        var relevant = config.AllowedGitHubTeams.Where(t => org.Length == 0 || t.Key == org || t.Key == $"{org}/{repo}")
            .Select(t => $"{t.Key}: {string.Join(" ", t.Value)}").Order(StringComparer.Ordinal).ToList();
        return "Repo administrators"
            + (config.AllowTopLevelOwners ? ", approvers in top level OWNERS file" : "")
            + (relevant.Count > 0 ? ", and the following github teams: " + string.Join(", ", relevant) : "") + ".";
    }
}
