using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Override;

/// <summary>Who may override: the repository's admins, and members of the teams override.allowed_github_teams names for the repo or its org.</summary>
internal static class OverrideAuthorization
{
    public static async Task<bool> IsAuthorizedAsync(PluginContext context, string org, string repo, string login)
    {
        var ct = context.CancellationToken;
        if ((await context.GitHub.GetCollaboratorPermissionAsync(org, repo, login, ct)).Permission == "admin")
        {
            return true;
        }

        var teams = context.Config.Plugins.Override.AllowedGitHubTeams;
        foreach (var slug in (teams.GetValueOrDefault($"{org}/{repo}") ?? []).Concat(teams.GetValueOrDefault(org) ?? []))
        {
            var members = await context.GitHub.ListTeamMembersBySlugAsync(org, slug, ct);
            if (members.Any(m => string.Equals(m.Login, login, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    /// <param name="org">Empty for the help page: every configured team is listed.</param>
    public static string WhoCanUse(IReadOnlyDictionary<string, IReadOnlyList<string>> teams, string org, string repo)
    {
        var relevant = teams.Where(t => org.Length == 0 || t.Key == org || t.Key == $"{org}/{repo}")
            .Select(t => $"{t.Key}: {string.Join(" ", t.Value)}").Order(StringComparer.Ordinal).ToList();
        return "Repo administrators" + (relevant.Count > 0 ? ", and the following github teams: " + string.Join(", ", relevant) : "") + ".";
    }
}
