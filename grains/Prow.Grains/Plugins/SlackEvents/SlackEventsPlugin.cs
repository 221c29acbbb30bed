using System.Text.RegularExpressions;
using Prow.Clients.GitHub.Events;
using Prow.Config.Plugins;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.SlackEvents;

/// <summary>
/// Tells Slack about events people should see: a push to a repository under <c>slack.mergewarnings</c> by someone who is
/// not exempt (a manual merge that bypassed the merge robot), and a comment that mentions one of
/// <c>slack.mentionchannels</c> as <c>#channel</c>. Messages go through the incoming webhook whose URL is in the file
/// <c>slack.incoming_webhook_url_file</c> names.
/// </summary>
public sealed partial class SlackEventsPlugin(SlackWebhook slack) : IPlugin, IPushHandler, IGenericCommentHandler
{
    public const string PluginName = "slackevents";

    public string Name => PluginName;

    [GeneratedRegex(@"(?:^|[^\w#])#([a-z0-9][a-z0-9_-]*)", RegexOptions.IgnoreCase)]
    private static partial Regex ChannelMention();

    public async Task HandlePushAsync(PluginContext context, PushEvent push)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(push);
        var (org, repo) = (push.Repository.Owner.Login, push.Repository.Name);
        var config = context.Config.Plugins.Slack;
        if (push.Branch is not { } branch || config.MergeWarningFor(org, repo) is not { } warning || IsExempt(warning, push, org, repo, branch))
        {
            return;
        }

        var who = push.Sender.Login;
        var what = push.Created ? $"created the branch `{branch}`"
            : push.Deleted ? $"deleted the branch `{branch}`"
            : push.Forced ? $"*force* pushed {push.Commits.Count} commit(s) to `{branch}`"
            : $"manually merged {push.Commits.Count} commit(s) into `{branch}`";
        var text = $"*Warning:* {who} (<@{who}>) {what} of {org}/{repo}: {push.Compare}";
        foreach (var channel in warning.Channels)
        {
            await SendAsync(context, config, channel, text);
        }
    }

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        var config = context.Config.Plugins.Slack;
        if (comment.Action != GenericCommentEvent.Created || config.MentionChannels.Count == 0)
        {
            return;
        }

        var mentioned = ChannelMention().Matches(comment.Body).Select(m => m.Groups[1].Value)
            .Where(c => config.MentionChannels.Contains(c, StringComparer.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var channel in mentioned)
        {
            await SendAsync(context, config, channel, $"#{channel} was mentioned by {comment.Commenter} on GitHub ({comment.HtmlUrl}):\n>>>{comment.Body}");
        }
    }

    public PluginHelp Help(PluginHelpContext context) => new(
        "Tells Slack about manual merges and channel mentions.",
        "The slackevents plugin posts to Slack, through the incoming webhook whose URL is in the file slack.incoming_webhook_url_file names: a warning on the channels of slack.mergewarnings when someone other than the exempt users pushes to a configured repository (a merge that bypassed the merge robot), and a copy of any comment that mentions one of slack.mentionchannels as #channel.",
        ["push", "issue_comment", "pull_request_review", "pull_request_review_comment"],
        []);

    private static bool IsExempt(SlackMergeWarning warning, PushEvent push, string org, string repo, string branch) =>
        warning.ExemptUsers.Any(u => string.Equals(u, push.Pusher?.Name, StringComparison.OrdinalIgnoreCase) || string.Equals(u, push.Sender.Login, StringComparison.OrdinalIgnoreCase))
        || (warning.ExemptBranches.GetValueOrDefault($"{org}/{repo}") ?? []).Contains(branch, StringComparer.Ordinal);

    private async Task SendAsync(PluginContext context, SlackPluginConfig config, string channel, string text)
    {
        if (config.IncomingWebhookUrlFile is not { Length: > 0 } file)
        {
            SlackLog.NoWebhook(context.Logger, channel);
            return;
        }

        var url = new Uri((await File.ReadAllTextAsync(file, context.CancellationToken)).Trim());
        await slack.PostAsync(url, channel, text, context.CancellationToken);
    }
}
