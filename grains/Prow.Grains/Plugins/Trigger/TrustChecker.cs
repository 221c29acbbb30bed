using Prow.Config.Plugins;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Trigger;

/// <summary>
/// Prow's TrustedUser: the bot; a member of the repository's org; a collaborator (unless only_org_members); an app
/// listed in trusted_apps (as <c>name[bot]</c>); a member of trusted_org.
/// </summary>
internal static class TrustChecker
{
    public static async Task<bool> IsTrustedUserAsync(PluginContext context, TriggerConfig trigger, string org, string repo, string login)
    {
        if (string.Equals(login, await context.BotLoginAsync(), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (login.EndsWith("[bot]", StringComparison.Ordinal) && trigger.TrustedApps.Contains(login[..^"[bot]".Length], StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        var ct = context.CancellationToken;
        if (await context.GitHub.IsMemberAsync(org, login, ct))
        {
            return true;
        }

        if (!trigger.OnlyOrgMembers && await context.GitHub.IsCollaboratorAsync(org, repo, login, ct))
        {
            return true;
        }

        return trigger.TrustedOrg is { Length: > 0 } trustedOrg && !string.Equals(trustedOrg, org, StringComparison.OrdinalIgnoreCase)
            && await context.GitHub.IsMemberAsync(trustedOrg, login, ct);
    }
}
