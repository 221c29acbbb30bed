using System.Text;
using System.Text.Json;

namespace Prow.Grains.Plugins.Approve;

/// <summary>
/// The approval notifier comment: its first line says whether the pull request is approved (the
/// <c>[APPROVALNOTIFIER]</c> marker other tools look for), then who approved, whom to ask next, and each OWNERS
/// file with its state. It ends with the suggested approvers as machine-readable metadata, as Prow's does.
/// </summary>
public static class ApprovalNotification
{
    public const string Marker = "[APPROVALNOTIFIER]";

    /// <summary>Everything the comment shows.</summary>
    public sealed record Facts(
        string Org,
        string Repo,
        string Branch,
        ApprovalCoverage Coverage,
        Approvals Approvals,
        IReadOnlyCollection<string> Assignees,
        int Seed,
        bool RequireIssue,
        int? AssociatedIssue,
        string CommandHelpLink,
        string PrProcessLink,
        bool ManuallyApproved = false,
        string OwnersFileName = Config.Plugins.OwnersFilenames.DefaultOwners)
    {
        public bool FilesApproved => Coverage.AllApprovedBy(Approvals.Logins);

        /// <summary>Every OWNERS file covered and, when an issue is required, one linked or waived by an approver.</summary>
        public bool RequirementsMet => FilesApproved && (!RequireIssue || AssociatedIssue is not null || NoIssueWaivers.Count > 0);

        /// <summary>The requirements are met, or a person put the approved label on by hand, which overrides them.</summary>
        public bool IsApproved => RequirementsMet || ManuallyApproved;

        /// <summary>Whether the comment should still ask for approvers.</summary>
        public bool WaitingForApprovers => !FilesApproved && !ManuallyApproved;

        /// <summary>No-issue approvals from people who can approve at least one of the OWNERS files.</summary>
        public IReadOnlyList<Approval> NoIssueWaivers =>
            [.. Approvals.NoIssue.Where(a => Coverage.Directories.Any(d => Coverage.ApproversIn(d, new HashSet<string>([a.Login])).Count > 0))];
    }

    public static bool IsNotification(string body) => body.StartsWith(Marker, StringComparison.Ordinal);

    public static string Message(Facts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var approvers = facts.Approvals.Logins;
        var (assigned, suggested) = facts.Coverage.Suggest(approvers, facts.Assignees, facts.Seed);
        var text = new StringBuilder();
        text.Append(Marker).Append(" This PR is **").Append(facts.IsApproved ? "" : "NOT ").Append("APPROVED**\n\n");
        if (facts.ManuallyApproved && !facts.RequirementsMet)
        {
            text.Append("The approval requirements were bypassed: the approved label was added by hand.\n\n");
        }

        text.Append(facts.Approvals.All.Count == 0
            ? "Nobody has approved this pull request yet."
            : "Approved by: " + string.Join(", ", facts.Approvals.All.Select(a => $"*<a href=\"{a.Reference}\" title=\"{a.How}\">{a.Login}</a>*")));
        text.Append('\n');
        if (facts.WaitingForApprovers && (assigned.Count > 0 || suggested.Count > 0))
        {
            var asks = new List<string>();
            if (assigned.Count > 0)
            {
                asks.Add($"ask {Links(assigned)}, already assigned, to approve");
            }

            if (suggested.Count > 0)
            {
                asks.Add($"assign {Links(suggested)} to approve");
            }

            text.Append("\n**Once the pull request is reviewed and has the lgtm label**, ").Append(string.Join(" and ", asks)).Append('.');
            if (facts.PrProcessLink.Length > 0)
            {
                text.Append($" The review process is described [here]({facts.PrProcessLink}).");
            }

            text.Append('\n');
        }

        AppendIssue(text, facts);
        text.Append($"\nEvery command this bot understands is listed [here]({facts.CommandHelpLink}?repo={facts.Org}%2F{facts.Repo}).\n\n");
        text.Append(facts.WaitingForApprovers ? "<details open>\n" : "<details>\n");
        text.Append("Each of these OWNERS files needs an approval from one of its approvers:\n\n");
        var unapproved = facts.Coverage.UnapprovedBy(approvers);
        foreach (var directory in facts.Coverage.Directories)
        {
            var path = directory.Length == 0 ? facts.OwnersFileName : $"{directory}/{facts.OwnersFileName}";
            var link = $"[{path}](https://github.com/{facts.Org}/{facts.Repo}/blob/{facts.Branch}/{path})";
            var by = facts.Coverage.ApproversIn(directory, approvers);
            text.Append(unapproved.Contains(directory) ? $"- **{link}**\n" : $"- ~~{link}~~ [{string.Join(", ", by)}]\n");
        }

        text.Append("\nApprovers approve with `/approve` in a comment and withdraw with `/approve cancel`.\n</details>\n");
        text.Append("<!-- META=").Append(JsonSerializer.Serialize(new Dictionary<string, IReadOnlyList<string>> { ["approvers"] = [.. assigned.Concat(suggested).Order(StringComparer.Ordinal)] })).Append(" -->");
        return text.ToString();
    }

    private static void AppendIssue(StringBuilder text, Facts facts)
    {
        if (!facts.RequireIssue)
        {
            return;
        }

        text.Append('\n').Append(
            facts.AssociatedIssue is { } issue ? $"Associated issue: *#{issue}*"
            : facts.NoIssueWaivers.Count > 0 ? "The linked-issue requirement was waived by: " + string.Join(", ", facts.NoIssueWaivers.Select(a => a.Login))
            : "*No associated issue.* Link one in the description (`#123`), or an approver can use `/approve no-issue`.").Append('\n');
    }

    private static string Links(IEnumerable<string> logins) => string.Join(", ", logins.Select(l => $"[{l}](https://github.com/{l})"));
}
