using Prow.Config.Plugins;
using Prow.Grains.Plugins.Approve;

namespace Prow.Grains.Tests.Plugins;

public sealed class ApprovalsTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ApprovalEvent Comment(string author, string body, int minute) => new(author, body, s_t0.AddMinutes(minute), $"https://x/{minute}");

    private static ApprovalEvent Review(string author, string state, int minute, string body = "") => new(author, body, s_t0.AddMinutes(minute), $"https://x/r{minute}", state);

    [Fact]
    public void Timeline_IsReplayedInTimeOrder_LastWordPerPersonWins()
    {
        var approvals = Approvals.Read(
            [Comment("Bob", "/approve cancel", 5), Comment("bob", "/approve", 1), Comment("carol", "/approve", 2), Comment("dave", "/remove-approve", 3), Comment("dave", "/APPROVE", 0)],
            "author", "https://pr", new ApproveConfig { RequireSelfApproval = true });

        Assert.Equal(["carol"], approvals.Logins);
        Assert.Equal(("carol", Approvals.Approved, "https://x/2"), (approvals.All[0].Login, approvals.All[0].How, approvals.All[0].Reference));
    }

    [Fact]
    public void TheAuthorApprovesImplicitly_UnlessSelfApprovalIsRequired()
    {
        var implicitly = Approvals.Read([], "Author", "https://pr", new ApproveConfig());
        var required = Approvals.Read([], "Author", "https://pr", new ApproveConfig { RequireSelfApproval = true });
        var explicitly = Approvals.Read([Comment("Author", "/approve", 1)], "Author", "https://pr", new ApproveConfig { RequireSelfApproval = true });

        Assert.Equal(("author", Approvals.SelfApproved), (implicitly.All[0].Login, implicitly.All[0].How));
        Assert.Empty(required.Logins);
        Assert.Equal(["author"], explicitly.Logins);
    }

    [Fact]
    public void Reviews_ApproveAndWithdraw_UnlessReviewStateIsIgnored()
    {
        ApprovalEvent[] timeline = [Review("bob", "APPROVED", 1), Review("carol", "approved", 2), Review("carol", "CHANGES_REQUESTED", 3), Review("dave", "COMMENTED", 4)];
        var options = new ApproveConfig { RequireSelfApproval = true };

        Assert.Equal(["bob"], Approvals.Read(timeline, "author", "u", options).Logins);
        Assert.Empty(Approvals.Read(timeline, "author", "u", options with { IgnoreReviewState = true }).Logins);
    }

    [Fact]
    public void Lgtm_ApprovesOnlyWhenLgtmActsAsApprove()
    {
        ApprovalEvent[] timeline = [Comment("bob", "/lgtm", 1)];
        var options = new ApproveConfig { RequireSelfApproval = true };

        Assert.Empty(Approvals.Read(timeline, "author", "u", options).Logins);
        var approvals = Approvals.Read(timeline, "author", "u", options with { LgtmActsAsApprove = true });
        Assert.Equal(("bob", Approvals.Lgtm), (approvals.All[0].Login, approvals.All[0].How));
    }

    [Fact]
    public void ANoIssueApproval_IsNotDowngradedByALaterPlainOne()
    {
        var approvals = Approvals.Read([Comment("bob", "/approve no-issue", 1), Comment("bob", "/approve", 2)], "author", "u", new ApproveConfig { RequireSelfApproval = true });

        Assert.True(Assert.Single(approvals.NoIssue).NoIssue);
    }

    [Theory]
    [InlineData("/approve", false, true)]
    [InlineData("looks fine\n/approve no-issue", false, true)]
    [InlineData("/remove-approve", false, true)]
    [InlineData("> /approve", false, false)]
    [InlineData("please /approve", false, false)]
    [InlineData("/lgtm", false, false)]
    [InlineData("/lgtm", true, true)]
    public void HasCommand_FindsApprovalCommandsOnTheirOwnLine(string body, bool lgtmActsAsApprove, bool expected) =>
        Assert.Equal(expected, Approvals.HasCommand(body, lgtmActsAsApprove));
}
