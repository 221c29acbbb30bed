using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.SigMention;

/// <summary>
/// Mentions of SIG teams (<c>@kubernetes/sig-testing-bugs</c>) put the matching <c>sig/*</c> label on, and a
/// <c>kind/*</c> label for the bugs, feature-requests, api-reviews and proposals teams. A mention by someone outside the
/// org notifies nobody on GitHub, so the bot repeats it.
/// </summary>
public sealed class SigMentionPlugin : IPlugin, IGenericCommentHandler
{
    public const string PluginName = "sigmention";

    /// <summary>Team suffixes that also say what kind of issue it is.</summary>
    public static IReadOnlyDictionary<string, string> KindLabels { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["bugs"] = "kind/bug",
        ["feature-requests"] = "kind/feature",
        ["api-reviews"] = "kind/api-change",
        ["proposals"] = "kind/design",
    };

    public string Name => PluginName;

    public static string Reiteration(IEnumerable<string> mentions) =>
        $"Reiterating the mentions to trigger a notification: \n{string.Join(", ", mentions)}\n";

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        if (string.Equals(comment.Commenter, await context.BotLoginAsync(), StringComparison.OrdinalIgnoreCase)
            || comment.Action != GenericCommentEvent.Created
            || context.Config.Plugins.SigMention.Re is not { } mention)
        {
            return;
        }

        // A mention is not a command: Prow reads the whole comment, quotes included.
        var matches = mention.Matches(comment.Body);
        if (matches.Count == 0)
        {
            return;
        }

        var (org, repo, number) = (comment.Org, comment.Repo, comment.Number);
        var labels = (await IssueLabels.CurrentAsync(context, org, repo, number)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var repoLabels = (await context.GitHub.GetRepositoryLabelsAsync(org, repo, context.CancellationToken))
            .GroupBy(l => l.Name.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Last().Name, StringComparer.Ordinal);
        var toRepeat = new List<string>();
        foreach (System.Text.RegularExpressions.Match match in matches)
        {
            // Only SIGs the repository has a label for count; the kind label comes with the SIG's.
            if (!repoLabels.TryGetValue(("sig/" + match.Groups[1].Value).ToLowerInvariant(), out var sigLabel))
            {
                continue;
            }

            await AddAsync(context, comment, labels, sigLabel);
            if (match.Groups.Count > 2 && KindLabels.TryGetValue(match.Groups[2].Value, out var kindLabel))
            {
                await AddAsync(context, comment, labels, kindLabel);
            }

            toRepeat.Add(match.Value);
        }

        if (toRepeat.Count == 0 || await context.GitHub.IsMemberAsync(org, comment.Commenter, context.CancellationToken))
        {
            return;
        }

        await context.GitHub.CreateCommentAsync(org, repo, number, CommandResponse.To(comment, Reiteration(toRepeat)), context.CancellationToken);
    }

    public PluginHelp Help(PluginHelpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new PluginHelp(
            "Labels issues and pull requests from the SIG teams they mention.",
            "The sigmention plugin watches for mentions of SIG GitHub teams such as @kubernetes/sig-testing-bugs. It puts on the sig/ label of that SIG when the repository has one (sig/testing here) and, for teams ending in -bugs, -feature-requests, -api-reviews or -proposals, the kind/ label that goes with it (kind/bug here). GitHub does not notify a team mentioned by someone outside the org, so when that someone is not an org member the bot repeats the mentions.",
            ["issue_comment", "pull_request_review", "pull_request_review_comment"],
            [])
        {
            Config = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [""] = $"Team mentions are found with this regexp:\n{context.Config.Plugins.SigMention.Regexp}",
            },
        };
    }

    private static async Task AddAsync(PluginContext context, GenericCommentEvent comment, HashSet<string> labels, string label)
    {
        if (labels.Add(label))
        {
            await context.GitHub.AddLabelsAsync(comment.Org, comment.Repo, comment.Number, [label], context.CancellationToken);
        }
    }
}
