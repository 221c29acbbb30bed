using Prow.Grains.Plugins.Approve;

namespace Prow.Grains.Tests.Plugins;

public sealed class ApprovalNotificationTests
{
    private static ApprovalNotification.Facts Facts(Approvals approvals, bool requireIssue = false, int? issue = null, bool manually = false) => new(
        "org", "repo", "main", new ApprovalCoverage(OwnersFixture.Repo(), ["pkg/a.go", "docs/guide.md"]), approvals, [], 0,
        requireIssue, issue, "https://go.k8s.io/bot-commands", "https://example.com/process", manually);

    private static Approvals With(params string[] logins)
    {
        var approvals = new Approvals();
        foreach (var login in logins)
        {
            approvals.Add(login, Approvals.Approved, $"https://github.com/org/repo/pull/1#c-{login}", noIssue: false);
        }

        return approvals;
    }

    [Fact]
    public void OwnersFiles_AreLinkedUnderTheRepositorysOwnersFileName()
    {
        var message = ApprovalNotification.Message(Facts(With("pkg-a")) with { OwnersFileName = "OWNERS.k8s" });

        Assert.Contains("- **[docs/OWNERS.k8s](https://github.com/org/repo/blob/main/docs/OWNERS.k8s)**\n", message, StringComparison.Ordinal);
        Assert.Contains("- ~~[pkg/OWNERS.k8s](https://github.com/org/repo/blob/main/pkg/OWNERS.k8s)~~ [pkg-a]\n", message, StringComparison.Ordinal);
        Assert.Contains("The review process is described [here](https://example.com/process).", message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotApproved_ListsTheOwnersFilesStillWaiting_AndSuggestsWhomToAsk()
    {
        var message = ApprovalNotification.Message(Facts(With("pkg-a")));

        Assert.StartsWith("[APPROVALNOTIFIER] This PR is **NOT APPROVED**\n\n", message, StringComparison.Ordinal);
        Assert.Contains("Approved by: *<a href=\"https://github.com/org/repo/pull/1#c-pkg-a\" title=\"Approved\">pkg-a</a>*", message, StringComparison.Ordinal);
        Assert.Contains("- **[docs/OWNERS](https://github.com/org/repo/blob/main/docs/OWNERS)**\n", message, StringComparison.Ordinal);
        Assert.Contains("- ~~[pkg/OWNERS](https://github.com/org/repo/blob/main/pkg/OWNERS)~~ [pkg-a]\n", message, StringComparison.Ordinal);
        Assert.Contains("assign [doc-a](https://github.com/doc-a) to approve", message, StringComparison.Ordinal);
        Assert.Contains("<details open>", message, StringComparison.Ordinal);
        Assert.EndsWith("<!-- META={\"approvers\":[\"doc-a\"]} -->", message, StringComparison.Ordinal);
        Assert.True(ApprovalNotification.IsNotification(message));
    }

    [Fact]
    public void Approved_StrikesEveryFile_AndSuggestsNobody()
    {
        var facts = Facts(With("pkg-a", "doc-a"));
        var message = ApprovalNotification.Message(facts);

        Assert.True(facts.IsApproved);
        Assert.StartsWith("[APPROVALNOTIFIER] This PR is **APPROVED**\n\n", message, StringComparison.Ordinal);
        Assert.Contains("- ~~[docs/OWNERS](https://github.com/org/repo/blob/main/docs/OWNERS)~~ [doc-a]\n", message, StringComparison.Ordinal);
        Assert.DoesNotContain("to approve.", message, StringComparison.Ordinal);
        Assert.Contains("<details>\n", message, StringComparison.Ordinal);
        Assert.EndsWith("<!-- META={\"approvers\":[]} -->", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApprovedByHand_IsApprovedWithoutAskingForApprovers()
    {
        var facts = Facts(With("pkg-a"), manually: true);
        var message = ApprovalNotification.Message(facts);

        Assert.True(facts.IsApproved);
        Assert.StartsWith("[APPROVALNOTIFIER] This PR is **APPROVED**\n\nThe approval requirements were bypassed", message, StringComparison.Ordinal);
        Assert.DoesNotContain("to approve.", message, StringComparison.Ordinal);
        Assert.Contains("- **[docs/OWNERS](https://github.com/org/repo/blob/main/docs/OWNERS)**", message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoApprovals_SaysSo()
    {
        var message = ApprovalNotification.Message(Facts(With()));

        Assert.Contains("Nobody has approved this pull request yet.", message, StringComparison.Ordinal);
        Assert.Contains("https://go.k8s.io/bot-commands?repo=org%2Frepo", message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiredIssue_BlocksApprovalUntilLinkedOrWaived()
    {
        var missing = Facts(With("root-a"), requireIssue: true);
        var linked = Facts(With("root-a"), requireIssue: true, issue: 12);
        var waiver = new Approvals();
        waiver.Add("root-a", Approvals.Approved, "u", noIssue: true);
        var waived = Facts(waiver, requireIssue: true);

        Assert.False(missing.IsApproved);
        Assert.Contains("/approve no-issue", ApprovalNotification.Message(missing), StringComparison.Ordinal);
        Assert.True(linked.IsApproved);
        Assert.Contains("Associated issue: *#12*", ApprovalNotification.Message(linked), StringComparison.Ordinal);
        Assert.True(waived.IsApproved);
        Assert.Contains("waived by: root-a", ApprovalNotification.Message(waived), StringComparison.Ordinal);
    }
}
