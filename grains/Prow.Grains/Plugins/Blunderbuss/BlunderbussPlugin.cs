using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Prow.Clients.GitHub.Events;
using Prow.Grains.OwnersFiles;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Blunderbuss;

/// <summary>
/// Requests reviews from OWNERS reviewers when a pull request is opened (or, with ignore_drafts, when a draft
/// becomes ready), and again on <c>/auto-cc</c>. The blunderbuss section sets how many (request_count, capped by
/// max_request_count), whether approvers are left out, and which authors and drafts are skipped. A pull request whose
/// description has a <c>/cc</c> line already names its reviewers and is skipped, as in Prow.
/// </summary>
public sealed partial class BlunderbussPlugin(RepoOwnersLoader ownersLoader) : IPlugin, IPullRequestHandler, IGenericCommentHandler
{
    public const string PluginName = "blunderbuss";

    public string Name => PluginName;

    [GeneratedRegex(@"(?mi)^/auto-cc\s*$")]
    private static partial Regex AutoCc();

    public async Task HandlePullRequestAsync(PluginContext context, PullRequestEvent pullRequest)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pullRequest);
        var config = context.Config.Plugins.Blunderbuss;
        var pr = pullRequest.PullRequest;
        var opened = pullRequest.Action == "opened" || (pullRequest.Action == "ready_for_review" && config.IgnoreDrafts);
        // As in Prow, a description that already asks for reviewers (/cc a person or an org/team) is left to the assign plugin.
        if (!opened || (pr.Draft && config.IgnoreDrafts) || config.IgnoreAuthors.Contains(pr.User.Login, StringComparer.OrdinalIgnoreCase)
            || Assign.AssignPlugin.CcCommand().IsMatch(pr.Body ?? ""))
        {
            return;
        }

        await RequestAsync(context, pullRequest.Repository.Owner.Login, pullRequest.Repository.Name, pr.Number, pr.User.Login, pr.Base.Ref);
    }

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        if (comment.Action != GenericCommentEvent.Created || !comment.IsPullRequest || comment.IssueState != "open" || !Commands.Has(AutoCc(), comment.Body))
        {
            return;
        }

        var pr = await context.GitHub.GetPullRequestAsync(comment.Org, comment.Repo, comment.Number, context.CancellationToken);
        await RequestAsync(context, comment.Org, comment.Repo, comment.Number, pr.User.Login, pr.Base.Ref);
    }

    public PluginHelp Help(PluginHelpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var config = context.Config.Plugins.Blunderbuss;
        return new PluginHelp(
            "Requests reviews from OWNERS reviewers on new pull requests.",
            "The blunderbuss plugin asks reviewers listed in the OWNERS files of the changed files to review a new pull request: one from each changed area, the areas with the most changed lines first, then more until the configured number is reached.",
            ["pull_request", "issue_comment"],
            [new("/auto-cc", "Requests reviews from OWNERS reviewers again.", ["/auto-cc"], "Anyone")])
        {
            Config = context.EnabledRepos.ToDictionary(r => r, _ =>
                $"Requests {config.RequestCount} reviewer(s){(config.MaxRequestCount is { } max ? $", at most {max}" : "")}{(config.ExcludeApprovers ? ", never approvers" : "")}{(config.IgnoreDrafts ? "; drafts wait until ready for review" : "")}.", StringComparer.Ordinal),
        };
    }

    private async Task RequestAsync(PluginContext context, string org, string repo, int number, string author, string baseRef)
    {
        var ct = context.CancellationToken;
        var config = context.Config.Plugins.Blunderbuss;
        var files = (await context.GitHub.ListPullRequestFilesAsync(org, repo, number, ct)).Select(f => (f.Filename, f.Changes)).ToList();
        var owners = await ownersLoader.LoadAsync(context.GitHub, context.Config, org, repo, baseRef, files.Select(f => f.Filename), ct);
        var (reviewers, required) = ReviewerSelection.Pick(owners, files, author, config.RequestCount, config.ExcludeApprovers, number);
        var capped = config.MaxRequestCount is { } max ? reviewers.Take(max) : reviewers;
        var everyone = capped.Concat(required).Distinct(StringComparer.Ordinal).ToList();
        if (everyone.Count == 0)
        {
            return;
        }

        if (await ReviewRequests.RequestAsync(context.GitHub, org, repo, number, everyone, ct) is { Count: > 0 } refused)
        {
            LogRefused(context.Logger, org, repo, number, string.Join(", ", refused));
        }
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "GitHub refused review requests on {Org}/{Repo}#{Number} for {Logins}")]
    private static partial void LogRefused(ILogger logger, string org, string repo, int number, string logins);
}
