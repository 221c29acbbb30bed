using Prow.Config.Plugins;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Milestone;

/// <summary>Who may set milestones and status labels: the members of the repo's <c>repo_milestone</c> team.</summary>
public static class MilestoneMaintainers
{
    /// <summary>The team named by slug if one is given, else by its numeric id, as Prow looks it up.</summary>
    public static async Task<bool> IncludesAsync(PluginContext context, RepoMilestoneConfig team, string org, string login)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(team);
        var members = team.MaintainersTeam.Length > 0
            ? await context.GitHub.ListTeamMembersBySlugAsync(org, team.MaintainersTeam, context.CancellationToken)
            : await context.GitHub.ListTeamMembersByIdAsync(team.MaintainersId, context.CancellationToken);
        return members.Any(m => string.Equals(m.Login, login, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Prow's refusal, naming the team and whom to ask; <paramref name="what"/> and <paramref name="command"/> differ per plugin.</summary>
    public static string MustBeAuthorized(string org, RepoMilestoneConfig team, string what, string command)
    {
        ArgumentNullException.ThrowIfNull(team);
        var slug = team.MaintainersTeam;
        return $"You must be a member of the [{org}/{slug}](https://github.com/orgs/{org}/teams/{slug}/members) GitHub team to {what}. If you believe you should be able to issue the {command} command, please contact your {team.MaintainersFriendlyName} and have them propose you as an additional delegate for this responsibility.";
    }
}
