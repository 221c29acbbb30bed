using Prow.Clients.GitHub.Events;
using Prow.Config.Components;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.MergeMethodComment;

/// <summary>
/// Tells the author of a pull request with several commits how tide will merge it (tide's merge method for the
/// repository) and which label asks for the other way, once: the bot's comment is not repeated.
/// </summary>
public sealed class MergeMethodCommentPlugin : IPlugin, IPullRequestHandler
{
    public const string PluginName = "merge-method-comment";

    public string Name => PluginName;

    /// <summary>Prow's wording for a merge method and the labels tide offers.</summary>
    public static string Message(string method, TideConfig tide)
    {
        ArgumentNullException.ThrowIfNull(tide);
        var message = $"This PR has multiple commits, and the default merge method is: {method}.\n";
        return method switch
        {
            "squash" when tide.MergeLabel is { Length: > 0 } merge => message + $"You can request commits to be merged using the label: {merge}",
            "squash" => message + "Commits will be squashed, as no merge labels are defined",
            "merge" when tide.SquashLabel is { Length: > 0 } squash => message + $"You can request commits to be squashed using the label: {squash}",
            "merge" => message + "Commits will be merged, as no squash labels are defined",
            _ => message,
        };
    }

    public async Task HandlePullRequestAsync(PluginContext context, PullRequestEvent pullRequest)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pullRequest);
        var pr = pullRequest.PullRequest;
        if (pullRequest.Action is not ("opened" or "reopened" or "synchronize" or "edited") || pr.Commits <= 1)
        {
            return;
        }

        var baseRepo = pr.Base.Repo ?? pullRequest.Repository;
        var (org, repo) = (baseRepo.Owner.Login, baseRepo.Name);
        var tide = context.Config.Prow.Tide;
        var message = Message(tide.MergeMethodFor(org, repo, pr.Base.Ref), tide);
        var bot = await context.BotLoginAsync();
        var comments = await context.GitHub.ListIssueCommentsAsync(org, repo, pr.Number, context.CancellationToken);
        if (comments.Any(c => string.Equals(c.User.Login, bot, StringComparison.OrdinalIgnoreCase) && c.Body.Contains(message, StringComparison.Ordinal)))
        {
            return;
        }

        await context.GitHub.CreateCommentAsync(org, repo, pr.Number, BotNotice.Format(message), context.CancellationToken);
    }

    public PluginHelp Help(PluginHelpContext context) => new(
        "Explains how tide will merge a pull request with several commits.",
        "The merge-method-comment plugin comments once on a pull request that has more than one commit, saying which merge method tide uses for the repository (tide.merge_method) and, when tide.squash_label or tide.merge_label is set, which label asks for the other method.",
        ["pull_request"],
        []);
}
