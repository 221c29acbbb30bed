using System.Globalization;

namespace Prow.Clients.GitHub;

/// <summary>A webhook whose deliveries GitHub keeps: the GitHub App's, an organization's or a repository's hook.</summary>
public sealed record WebhookSource(string? Org, string? Repo, long HookId)
{
    /// <summary>The GitHub App's own webhook (asked with the App's JWT).</summary>
    public static WebhookSource App { get; } = new(null, null, 0);

    public bool IsApp => Org is null;

    /// <summary>Reads the flag form: <c>ORG=HOOK_ID</c> or <c>ORG/REPO=HOOK_ID</c>.</summary>
    public static bool TryParse(string value, out WebhookSource source)
    {
        source = App;
        var parts = (value ?? "").Split('=');
        if (parts.Length != 2 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            return false;
        }

        var names = parts[0].Split('/');
        if (names.Length > 2 || names.Any(n => n.Length == 0))
        {
            return false;
        }

        source = new WebhookSource(names[0], names.Length == 2 ? names[1] : null, id);
        return true;
    }

    public override string ToString() =>
        IsApp ? "the GitHub App's webhook" : $"{(Repo is null ? Org : Org + "/" + Repo)} hook {HookId.ToString(CultureInfo.InvariantCulture)}";
}
