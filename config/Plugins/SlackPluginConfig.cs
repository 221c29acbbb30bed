namespace Prow.Config.Plugins;

/// <summary>
/// The <c>slack</c> section (the slackevents plugin): channels a comment can mention, merge warnings per repository,
/// and — a Prow.Orleans field — where the incoming-webhook URL that carries the messages is kept.
/// </summary>
public sealed record SlackPluginConfig
{
    /// <summary>Channels that a comment mentioning <c>#channel</c> is echoed to.</summary>
    public IReadOnlyList<string> MentionChannels { get; init; } = [];

    public IReadOnlyList<SlackMergeWarning> MergeWarnings { get; init; } = [];

    /// <summary>
    /// <c>incoming_webhook_url_file</c>: a file holding the Slack incoming-webhook URL (a secret, so kept out of
    /// plugins.yaml, like cat's key_path). Without it the plugin sends nothing.
    /// </summary>
    public string? IncomingWebhookUrlFile { get; init; }

    /// <summary>The warning configured for the repository (an <c>org/repo</c> entry first, then its org).</summary>
    public SlackMergeWarning? MergeWarningFor(string org, string repo) =>
        MergeWarnings.FirstOrDefault(w => w.Repos.Contains($"{org}/{repo}", StringComparer.Ordinal))
        ?? MergeWarnings.FirstOrDefault(w => w.Repos.Contains(org, StringComparer.Ordinal));
}
