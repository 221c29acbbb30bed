using Microsoft.Extensions.Logging;
using Prow.Clients.GitHub.Events;
using Prow.Grains.OwnersFiles;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.OwnersLabel;

/// <summary>
/// Puts on a pull request the labels that the OWNERS files of its changed files name under <c>labels:</c> (each
/// file's directory and its parents, as for approvers), when it is opened, reopened or pushed to. Labels the
/// repository does not have are left out and logged, as in Prow; nothing is ever taken off.
/// </summary>
public sealed partial class OwnersLabelPlugin(RepoOwnersLoader ownersLoader) : IPlugin, IPullRequestHandler
{
    public const string PluginName = "owners-label";

    public string Name => PluginName;

    public async Task HandlePullRequestAsync(PluginContext context, PullRequestEvent pullRequest)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pullRequest);
        if (pullRequest.Action is not ("opened" or "reopened" or "synchronize"))
        {
            return;
        }

        var ct = context.CancellationToken;
        var (org, repo, number) = (pullRequest.Repository.Owner.Login, pullRequest.Repository.Name, pullRequest.PullRequest.Number);
        var files = (await context.GitHub.ListPullRequestFilesAsync(org, repo, number, ct)).Select(f => f.Filename).ToList();
        var owners = await ownersLoader.LoadAsync(context.GitHub, context.Config, org, repo, pullRequest.PullRequest.Base.Ref, files, ct);
        var wanted = files.SelectMany(owners.Labels).ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return;
        }

        var existing = (await context.GitHub.GetRepositoryLabelsAsync(org, repo, ct)).Select(l => l.Name).ToHashSet(StringComparer.Ordinal);
        var current = await IssueLabels.CurrentAsync(context, org, repo, number);
        var missing = wanted.Where(l => !current.Contains(l, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var unknown = missing.Where(l => !existing.Contains(l)).ToList();
        var toAdd = missing.Where(existing.Contains).ToList();
        if (toAdd.Count > 0)
        {
            await context.GitHub.AddLabelsAsync(org, repo, number, toAdd, ct);
        }

        if (unknown.Count > 0)
        {
            LogUnknownLabels(context.Logger, org, repo, number, string.Join(", ", unknown));
        }
    }

    public PluginHelp Help(PluginHelpContext context) => new(
        "Labels pull requests from the labels listed in the OWNERS files of the files they change.",
        "The owners-label plugin reads the labels: list of every OWNERS file that covers a changed file (its own directory and the directories above it, as for approvers, on the base branch) and puts those labels on the pull request when it is opened, reopened or updated. A label the repository does not define is skipped; labels are never removed.",
        ["pull_request"],
        []);

    [LoggerMessage(EventId = 3141, Level = LogLevel.Warning, Message = "owners-label: {Org}/{Repo}#{Number}: OWNERS name labels the repository does not have: {Labels}")]
    private static partial void LogUnknownLabels(ILogger logger, string org, string repo, int number, string labels);
}
