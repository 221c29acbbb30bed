using Prow.Clients.GitHub;
using Prow.Config;
using Prow.Grains.BranchProtector;

namespace Prow.Grains.Tests.BranchProtector;

public sealed class ProtectionPlanTests : IDisposable
{
    private readonly YamlConfig _config = new();

    [Fact]
    public void Protected_CarriesThePolicyAndTheRequiredPresubmits()
    {
        var (managed, desired) = ProtectionPlan.For(Load(), "org", "repo", "main");

        Assert.True(managed);
        Assert.NotNull(desired);
        Assert.Equal(["ci/external", "unit"], desired.RequiredStatusChecks!.Contexts);
        Assert.True(desired.RequiredStatusChecks.Strict);
        Assert.True(desired.EnforceAdmins);
        Assert.Equal(2, desired.RequiredPullRequestReviews!.RequiredApprovingReviewCount);
        Assert.Equal(["bot"], desired.Restrictions!.Users);
    }

    [Fact]
    public void ProtectFalse_Unprotects_AndUnsetIsLeftAlone()
    {
        var config = Load();

        Assert.Equal((true, null), ProtectionPlan.For(config, "org", "repo", "old"));
        Assert.Equal((false, null), ProtectionPlan.For(config, "other", "repo", "main"));
    }

    [Fact]
    public void ProtectFalse_WhereRequiredJobsRun_IsLeftAlone_AndProtectTestedReposProtectsWhatJobsTest()
    {
        const string Jobs = """
            presubmits:
              org/repo:
              - name: unit
                always_run: true
                spec: {containers: [{image: alpine, command: ["true"]}]}
            """;
        var config = _config.Load("branch-protection:\n  allow_disabled_job_policies: true\n  orgs:\n    org:\n      repos:\n        repo:\n          branches:\n            old:\n              protect: false\n", Jobs);

        Assert.Equal((false, null), ProtectionPlan.For(config, "org", "repo", "old"));
        Assert.Equal((false, null), ProtectionPlan.For(config, "org", "repo", "main"));

        var tested = _config.Load("branch-protection:\n  protect-tested-repos: true\n", Jobs);
        var (managed, desired) = ProtectionPlan.For(tested, "org", "repo", "main");
        Assert.True(managed);
        Assert.Equal(["unit"], desired!.RequiredStatusChecks!.Contexts);
        Assert.Equal((false, null), ProtectionPlan.For(tested, "org", "untested", "main"));
    }

    [Fact]
    public void Differs_OnlyWhenGitHubWouldChange()
    {
        var desired = ProtectionPlan.For(Load(), "org", "repo", "main").Desired!;
        var same = new BranchProtection
        {
            RequiredStatusChecks = new RequiredStatusChecks { Strict = true, Contexts = ["unit", "ci/external"] }, // order is not a difference
            EnforceAdmins = new EnabledSetting { Enabled = true },
            RequiredPullRequestReviews = new RequiredPullRequestReviews { RequiredApprovingReviewCount = 2 },
            Restrictions = new BranchRestrictions { Users = [new User { Login = "bot" }] },
        };

        Assert.True(ProtectionPlan.Differs(null, desired));
        Assert.False(ProtectionPlan.Differs(same, desired));
        Assert.True(ProtectionPlan.Differs(same with { RequiredStatusChecks = new RequiredStatusChecks { Strict = true, Contexts = ["unit"] } }, desired));
        Assert.True(ProtectionPlan.Differs(same with { EnforceAdmins = new EnabledSetting { Enabled = false } }, desired));
        Assert.True(ProtectionPlan.Differs(same with { Restrictions = null }, desired));
    }

    public void Dispose() => _config.Dispose();

    private ConfigSnapshot Load() => _config.Load(
        """
        branch-protection:
          orgs:
            org:
              repos:
                repo:
                  protect: true
                  enforce_admins: true
                  required_status_checks:
                    strict: true
                    contexts: [ci/external]
                  required_pull_request_reviews:
                    required_approving_review_count: 2
                  restrictions:
                    users: [bot]
                  branches:
                    old:
                      protect: false
        """,
        """
        presubmits:
          org/repo:
          - name: unit
            always_run: true
            skip_branches: [old]
            spec: {containers: [{image: alpine, command: ["true"]}]}
          - name: lint
            always_run: true
            optional: true
            spec: {containers: [{image: alpine, command: ["true"]}]}
        """);
}
