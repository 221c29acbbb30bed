using System.Text.RegularExpressions;
using Prow.Config.Plugins;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Approve;

/// <summary>
/// Who has approved a pull request, read from its comments and reviews in time order: <c>/approve</c> adds,
/// <c>/approve cancel</c> and <c>/remove-approve</c> withdraw, <c>/lgtm</c> adds when lgtm_acts_as_approve, and a
/// review approves or (changes requested, dismissed) withdraws unless ignore_review_state. The author approves
/// implicitly unless require_self_approval. Logins are kept lower-case, as OWNERS files are.
/// </summary>
public sealed partial class Approvals
{
    public const string Approved = "Approved";
    public const string Lgtm = "LGTM";
    public const string SelfApproved = "Author self-approved";

    private readonly SortedDictionary<string, Approval> _byLogin = new(StringComparer.Ordinal);

    [GeneratedRegex(@"(?m)^/(\S+)[ \t]*([^\r\n]*)")]
    private static partial Regex Command();

    public IReadOnlySet<string> Logins => _byLogin.Keys.ToHashSet(StringComparer.Ordinal);

    public IReadOnlyList<Approval> All => [.. _byLogin.Values];

    /// <summary>Approvals that also waive the linked-issue requirement.</summary>
    public IReadOnlyList<Approval> NoIssue => [.. _byLogin.Values.Where(a => a.NoIssue)];

    /// <summary>Records an approval; a later one replaces an earlier one, except that it never drops a no-issue waiver.</summary>
    public void Add(string login, string how, string reference, bool noIssue)
    {
        var key = login.ToLowerInvariant();
        if (_byLogin.TryGetValue(key, out var earlier) && earlier.NoIssue && !noIssue)
        {
            return;
        }

        _byLogin[key] = new Approval(key, how, reference, noIssue);
    }

    public void Remove(string login) => _byLogin.Remove(login.ToLowerInvariant());

    /// <summary>Whether the text holds a command the approve plugin acts on.</summary>
    public static bool HasCommand(string body, bool lgtmActsAsApprove) =>
        Commands.Find(Command(), body).Any(m => m.Groups[1].Value.ToUpperInvariant() is "APPROVE" or "REMOVE-APPROVE" || (lgtmActsAsApprove && m.Groups[1].Value.Equals("lgtm", StringComparison.OrdinalIgnoreCase)));

    /// <summary>Whether a review's state counts (review states arrive lower-case in webhooks, upper-case from the API).</summary>
    public static bool IsDecisiveReview(string? state, bool considerReviewState) =>
        considerReviewState && state?.ToUpperInvariant() is "APPROVED" or "CHANGES_REQUESTED" or "DISMISSED";

    /// <summary>Replays the timeline (comments and reviews, any order; bots already left out).</summary>
    public static Approvals Read(IEnumerable<ApprovalEvent> timeline, string author, string pullRequestUrl, ApproveConfig options)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(options);
        var approvals = new Approvals();
        if (options.HasSelfApproval)
        {
            approvals.Add(author, SelfApproved, pullRequestUrl + "#", noIssue: false);
        }

        foreach (var e in timeline.OrderBy(e => e.At))
        {
            var state = e.ReviewState?.ToUpperInvariant();
            if (options.ConsiderReviewState && state == "APPROVED")
            {
                approvals.Add(e.Author, Approved, e.Url, noIssue: false);
            }
            else if (options.ConsiderReviewState && state is "CHANGES_REQUESTED")
            {
                approvals.Remove(e.Author);
            }

            foreach (var match in Commands.Find(Command(), e.Body))
            {
                approvals.Apply(e, match.Groups[1].Value.ToUpperInvariant(), match.Groups[2].Value.Trim().ToLowerInvariant(), options.LgtmActsAsApprove == true);
            }
        }

        return approvals;
    }

    private void Apply(ApprovalEvent e, string command, string argument, bool lgtmActsAsApprove)
    {
        if (command == "REMOVE-APPROVE")
        {
            Remove(e.Author);
            return;
        }

        if (command != "APPROVE" && !(command == "LGTM" && lgtmActsAsApprove))
        {
            return;
        }

        if (argument.Contains("cancel", StringComparison.Ordinal))
        {
            Remove(e.Author);
            return;
        }

        Add(e.Author, command == "APPROVE" ? Approved : Lgtm, e.Url, argument == "no-issue");
    }
}
