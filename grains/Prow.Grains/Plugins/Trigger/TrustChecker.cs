using Prow.Config.Plugins;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Trigger;

/// <summary>
/// Prow's TrustedUser: the bot; a member of the repository's org; a collaborator (unless only_org_members); an app
/// listed in trusted_apps (as <c>name[bot]</c>); a member of trusted_org.
/// </summary>
internal static class TrustChecker
{
    public static async Task<bool> IsTrustedUserAsync(PluginContext context, TriggerConfig trigger, string org, string repo, string login) =>
        (await CheckAsync(context, trigger, org, repo, login)).Trusted;

    /// <returns>Whether <paramref name="login"/> is trusted, and when not, Prow's words for why (verify-owners quotes them).</returns>
    public static async Task<(bool Trusted, string Reason)> CheckAsync(PluginContext context, TriggerConfig trigger, string org, string repo, string login)
    {
        if (string.Equals(login, await context.BotLoginAsync(), StringComparison.OrdinalIgnoreCase))
        {
            return (true, "");
        }

        if (login.EndsWith("[bot]", StringComparison.Ordinal) && trigger.TrustedApps.Contains(login[..^"[bot]".Length], StringComparer.OrdinalIgnoreCase))
        {
            return (true, "");
        }

        var ct = context.CancellationToken;
        if (await context.GitHub.IsMemberAsync(org, login, ct))
        {
            return (true, "");
        }

        if (!trigger.OnlyOrgMembers && await context.GitHub.IsCollaboratorAsync(org, repo, login, ct))
        {
            return (true, "");
        }

        var reason = "User is not a member of the org. " + (trigger.OnlyOrgMembers ? "" : "User is not a collaborator. ");
        if (trigger.TrustedOrg is { Length: > 0 } trustedOrg && !string.Equals(trustedOrg, org, StringComparison.OrdinalIgnoreCase))
        {
            if (await context.GitHub.IsMemberAsync(trustedOrg, login, ct))
            {
                return (true, "");
            }

            reason += "User is not a member of the trusted secondary org. ";
        }

        return (false, reason + "Satisfy at least one of these conditions to make the user trusted.");
    }
}
