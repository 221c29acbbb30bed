using System.Text.RegularExpressions;
using Prow.Clients.GitHub.Events;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Wip;

/// <summary>
/// Keeps <c>do-not-merge/work-in-progress</c> on a pull request while it is a draft or its title starts with WIP,
/// and takes it off when neither holds any more.
/// </summary>
public sealed partial class WipPlugin : IPlugin, IPullRequestHandler
{
    public const string PluginName = "wip";
    public const string Label = "do-not-merge/work-in-progress";

    public string Name => PluginName;

    [GeneratedRegex(@"(?i)^\W?WIP\W")]
    private static partial Regex WipTitle();

    /// <summary>Whether a pull request with this title and draft flag is work in progress.</summary>
    public static bool IsWorkInProgress(string title, bool draft) => draft || WipTitle().IsMatch(title);

    public async Task HandlePullRequestAsync(PluginContext context, PullRequestEvent pullRequest)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pullRequest);
        if (pullRequest.Action is not ("opened" or "reopened" or "edited" or "synchronize" or "ready_for_review" or "converted_to_draft"))
        {
            return;
        }

        var (org, repo, pr) = (pullRequest.Repository.Owner.Login, pullRequest.Repository.Name, pullRequest.PullRequest);
        var labels = await IssueLabels.CurrentAsync(context, org, repo, pr.Number);
        await IssueLabels.EnsureAsync(context, org, repo, pr.Number, labels, Label, IsWorkInProgress(pr.Title, pr.Draft));
    }

    public PluginHelp Help(PluginHelpContext context) => new(
        "Marks draft and WIP pull requests as not ready to merge.",
        $"The wip plugin adds the {Label} label to a pull request that is a draft or whose title starts with WIP, and removes it once the pull request is ready for review and the title no longer starts with WIP.",
        ["pull_request"],
        []);
}
