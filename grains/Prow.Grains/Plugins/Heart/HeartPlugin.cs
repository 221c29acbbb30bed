using Prow.Clients.GitHub;
using Prow.Clients.GitHub.Events;
using Prow.Grains.OwnersFiles;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Heart;

/// <summary>
/// Celebrates with a reaction: on new pull request comments by the configured <c>heart.adorees</c> that match
/// <c>heart.commentregexp</c>, and on newly opened pull requests that add lines to an OWNERS or OWNERS_ALIASES file.
/// </summary>
public sealed class HeartPlugin : IPlugin, IIssueCommentHandler, IPullRequestHandler
{
    public const string PluginName = "heart";

    /// <summary>The reactions Prow picks one of at random.</summary>
    public static IReadOnlyList<string> Celebrations { get; } = [Reactions.ThumbsUp, Reactions.Heart, Reactions.Hooray];

    public string Name => PluginName;

    public async Task HandleIssueCommentAsync(PluginContext context, IssueCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        var heart = context.Config.Plugins.Heart;
        if (!comment.Issue.IsPullRequest || comment.Action != "created"
            || heart.Adorees.Count == 0 || heart.CommentRegexp.Length == 0 || heart.CommentRe is not { } commentRe
            || !heart.Adorees.Contains(comment.Comment.User.Login, StringComparer.Ordinal)
            || !commentRe.IsMatch(comment.Comment.Body))
        {
            return;
        }

        await context.GitHub.CreateCommentReactionAsync(comment.Repository.Owner.Login, comment.Repository.Name, comment.Comment.Id, Pick(), context.CancellationToken);
    }

    public async Task HandlePullRequestAsync(PluginContext context, PullRequestEvent pullRequest)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pullRequest);
        if (pullRequest.Action != "opened")
        {
            return;
        }

        var (org, repo) = (pullRequest.Repository.Owner.Login, pullRequest.Repository.Name);
        var number = pullRequest.PullRequest.Number;
        var files = await context.GitHub.ListPullRequestFilesAsync(org, repo, number, context.CancellationToken);
        var names = OwnersLayout.For(context.Config, org, repo).Filenames;
        if (files.Any(f => f.Additions > 0 && Path.GetFileName(f.Filename) is var name && (name == names.Owners || name == names.OwnersAliases)))
        {
            await context.GitHub.CreateIssueReactionAsync(org, repo, number, Pick(), context.CancellationToken);
        }
    }

    public PluginHelp Help(PluginHelpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var heart = context.Config.Plugins.Heart;
        var adorees = heart.Adorees.Count == 0 ? "nobody" : string.Join(", ", heart.Adorees);
        return new PluginHelp(
            "Celebrates with reactions.",
            "The heart plugin leaves a reaction (+1, heart or hooray) on pull requests that add to an OWNERS or OWNERS_ALIASES file when they are opened, and on new pull request comments written by the people listed in heart.adorees.",
            ["issue_comment", "pull_request"],
            [])
        {
            Config = new Dictionary<string, string>
            {
                [""] = heart.CommentRegexp.Length == 0
                    ? $"No heart.commentregexp is set, so no comment gets a reaction (adorees: {adorees})."
                    : $"Comments matching the regular expression {heart.CommentRegexp} by {adorees} get a reaction.",
            },
        };
    }

    private static string Pick() => Celebrations[Random.Shared.Next(Celebrations.Count)];
}
