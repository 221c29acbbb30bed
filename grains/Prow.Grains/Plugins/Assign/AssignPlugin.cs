using System.Text.RegularExpressions;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Assign;

/// <summary>
/// <c>/assign</c>, <c>/unassign</c> (issues and pull requests) and <c>/cc</c>, <c>/uncc</c> (review requests on pull
/// requests), for anyone; without names they mean the commenter. <c>/cc @org/team</c> asks a team of the repository's
/// org for a review. GitHub decides who can be assigned or asked to review; whoever it turns down is named in a reply
/// that says why.
/// </summary>
public sealed partial class AssignPlugin : IPlugin, IGenericCommentHandler
{
    public const string PluginName = "assign";

    public string Name => PluginName;

    [GeneratedRegex(@"(?mi)^/(un)?assign((?:[ \t]+@?[-\w]+)*)[ \t]*$")]
    private static partial Regex AssignCommand();

    /// <summary>A <c>/cc</c> or <c>/uncc</c> line; a target is a login or an <c>org/team</c>. Blunderbuss looks for it too.</summary>
    [GeneratedRegex(@"(?mi)^/(un)?cc((?:[ \t]+@?[-/\w]+)*)[ \t]*$")]
    public static partial Regex CcCommand();

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        if (comment.Action != GenericCommentEvent.Created)
        {
            return;
        }

        var (assign, unassign) = Targets(AssignCommand(), comment);
        var (cc, uncc) = comment.IsPullRequest ? Targets(CcCommand(), comment) : ([], []);
        var (org, repo, number, ct) = (comment.Org, comment.Repo, comment.Number, context.CancellationToken);
        if (unassign.Count > 0)
        {
            await context.GitHub.UnassignIssueAsync(org, repo, number, unassign, ct);
        }

        if (assign.Count > 0 && await context.GitHub.AssignIssueAsync(org, repo, number, assign, ct) is { Count: > 0 } declined)
        {
            await context.GitHub.CreateCommentAsync(org, repo, number, AssignReplies.NotAssigned(comment.Commenter, org, declined), ct);
        }

        if (uncc.Count > 0)
        {
            await context.GitHub.RemoveRequestedReviewersAsync(org, repo, number, uncc, ct);
        }

        if (cc.Count > 0 && await ReviewRequests.RequestAsync(context.GitHub, org, repo, number, cc, ct) is { Count: > 0 } refused)
        {
            await context.GitHub.CreateCommentAsync(org, repo, number, AssignReplies.NotRequested(comment.Commenter, org, refused), ct);
        }
    }

    public PluginHelp Help(PluginHelpContext context) => new(
        "Assigns people and requests reviews.",
        "The assign plugin assigns or unassigns people on issues and pull requests (/assign, /unassign) and requests or withdraws reviews from people or teams on pull requests (/cc, /uncc). Without names a command applies to the commenter.",
        ["issue_comment", "pull_request_review", "pull_request_review_comment"],
        [
            new("/[un]assign [[@]<login>...]", "Assigns or unassigns the named people (or yourself). GitHub only assigns org members, collaborators and people who commented.", ["/assign", "/assign @alice bob", "/unassign"], "Anyone", Featured: true),
            new("/[un]cc [[@]<login>...|[@]<org>/<team>...]", "Requests or withdraws a review from the named people or teams (or yourself) on a pull request.", ["/cc @alice", "/cc @org/reviewers", "/uncc bob"], "Anyone", Featured: true),
        ]);

    /// <summary>The logins to add and to remove, each once, in the order written.</summary>
    private static (IReadOnlyList<string> Add, IReadOnlyList<string> Remove) Targets(Regex command, GenericCommentEvent comment)
    {
        var (add, remove) = (new List<string>(), new List<string>());
        foreach (var match in Commands.Find(command, comment.Body))
        {
            var logins = match.Groups[2].Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimStart('@')).ToList();
            (match.Groups[1].Success ? remove : add).AddRange(logins.Count > 0 ? logins : [comment.Commenter]);
        }

        return ([.. add.Distinct(StringComparer.OrdinalIgnoreCase)], [.. remove.Distinct(StringComparer.OrdinalIgnoreCase)]);
    }
}
