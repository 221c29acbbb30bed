using Prow.Config.Plugins;

namespace Prow.Config.Tests;

public sealed class PluginsTests
{
    private const string Plugins = """
        plugins:
          org:
            plugins: [trigger, lgtm, size]
            excluded_repos: [legacy]
          org/repo:
            plugins: [approve]
          org/legacy:
            plugins: [hold]
          old-org: [cat, dog]
        external_plugins:
          org:
          - name: needs-rebase
            events: [pull_request]
        approve:
        - repos: [org]
          require_self_approval: false
        - repos: [org/repo]
          require_self_approval: true
          lgtm_acts_as_approve: true
        size: {s: 5}
        triggers:
        - repos: [org]
          trusted_apps: [dependabot]
        heart: {adorees: [someone]}
        """;

    [Fact]
    public void EnabledPluginsFor_OrgAndRepoEntries_AreCombined()
    {
        using var dir = new TempDir();
        var p = Load.Ok(dir, "", pluginsYaml: Plugins).Plugins;

        Assert.Equal(["trigger", "lgtm", "size", "approve"], p.EnabledPluginsFor("org", "repo"));
        Assert.Equal(["trigger", "lgtm", "size"], p.EnabledPluginsFor("org", "other"));
        Assert.Equal(["hold"], p.EnabledPluginsFor("org", "legacy"));
        Assert.Equal(["cat", "dog"], p.EnabledPluginsFor("old-org", "x"));
        Assert.Empty(p.EnabledPluginsFor("nobody", "x"));
        Assert.Equal(7, p.EnabledCount);
    }

    [Fact]
    public void PluginSections_ReadWithDefaults_AndUnmodelledKeptRaw()
    {
        using var dir = new TempDir();
        var p = Load.Ok(dir, "", pluginsYaml: Plugins).Plugins;

        Assert.True(p.ApproveFor("org", "repo").RequireSelfApproval);
        Assert.False(p.ApproveFor("org", "other").RequireSelfApproval);
        Assert.Equal("https://go.k8s.io/bot-commands", p.ApproveFor("org", "repo").CommandHelpLink);
        Assert.Equal(5, p.Size.S);
        Assert.Equal(30, p.Size.M);
        Assert.Equal(["dependabot"], p.TriggerFor("org", "repo").TrustedApps);
        Assert.Equal(["approved", "lgtm"], p.Owners.LabelsDenylist);
        Assert.Equal("http://needs-rebase", Assert.Single(p.ExternalPluginsFor("org", "repo")).Endpoint);
        Assert.Contains("config/prow/config.yaml", p.ConfigUpdater.Maps.Keys);
        Assert.Equal(["someone"], p.Heart.Adorees);
        Assert.Equal("", p.Heart.CommentRegexp);
    }

    [Fact]
    public void GooseAndHeart_AreRead_TheHeartRegexpAsGoCompilesIt()
    {
        using var dir = new TempDir();
        var p = Load.Ok(dir, "", pluginsYaml: """
            goose:
              key_path: /etc/unsplash-api/honk.txt
            heart:
              adorees: [mirandachrist]
              commentregexp: "^(?i)thanks\\b"
            """).Plugins;

        Assert.Equal("/etc/unsplash-api/honk.txt", p.Goose.KeyPath);
        Assert.Equal(["mirandachrist"], p.Heart.Adorees);
        Assert.Matches(p.Heart.CommentRe!, "THANKS a lot");
        Assert.DoesNotMatch(p.Heart.CommentRe!, "thanksgiving");
    }

    [Fact]
    public void GolintConfidence_DefaultsToGolints_AndANonNumberIsAnErrorAtItsLine()
    {
        using var dir = new TempDir();
        Assert.Equal(0.8, Load.Ok(dir, "", pluginsYaml: "plugins: {}\n").Plugins.Golint.Confidence);
        Assert.Equal(0.25, Load.Ok(dir, "", pluginsYaml: "golint:\n  minimum_confidence: 0.25\n").Plugins.Golint.Confidence);

        var result = Load.Config(dir, "", pluginsYaml: "golint:\n  minimum_confidence: high\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "golint.minimum_confidence", "expected a number, got high"), (error.Line, error.Field, error.Message));
    }

    [Fact]
    public void WelcomeTemplate_ThatDoesNotParse_IsAnErrorAtItsLine()
    {
        using var dir = new TempDir();
        var result = Load.Config(dir, "", pluginsYaml: "welcome:\n- repos: [org]\n  message_template: \"Hi {{.AuthorLogin\"\n");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal((3, "welcome[0].message_template"), (error.Line, error.Field));
        Assert.StartsWith("template: welcome:1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HeartCommentRegexp_ThatDoesNotCompile_IsAnErrorAtItsLine()
    {
        using var dir = new TempDir();
        var result = Load.Config(dir, "", pluginsYaml: "heart:\n  adorees: [a]\n  commentregexp: \"(unclosed\"\n");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal((3, "heart.commentregexp"), (error.Line, error.Field));
        Assert.StartsWith("invalid regex", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Approve_DefaultsAndOlderFieldNames_DecideSelfApprovalAndReviewState()
    {
        using var dir = new TempDir();
        var p = Load.Ok(dir, "", pluginsYaml: """
            approve:
            - repos: [org/old]
              implicit_self_approve: false
              review_acts_as_approve: false
            - repos: [org/new]
              require_self_approval: true
              ignore_review_state: true
            """).Plugins;

        Assert.Equal((true, true), (p.ApproveFor("org", "unlisted").HasSelfApproval, p.ApproveFor("org", "unlisted").ConsiderReviewState));
        Assert.Equal((false, false), (p.ApproveFor("org", "old").HasSelfApproval, p.ApproveFor("org", "old").ConsiderReviewState));
        Assert.Equal((false, false), (p.ApproveFor("org", "new").HasSelfApproval, p.ApproveFor("org", "new").ConsiderReviewState));
    }

    [Fact]
    public void Approve_Links_DefaultAsInProw_AnEmptyOneToo()
    {
        using var dir = new TempDir();
        var p = Load.Ok(dir, "", pluginsYaml: """
            approve:
            - repos: [org/custom]
              commandHelpLink: https://prow.example/command-help
              pr_process_link: https://example.com/review-process
            - repos: [org/empty]
              commandHelpLink: ""
              pr_process_link: ""
            """).Plugins;

        Assert.Equal(("https://prow.example/command-help", "https://example.com/review-process"), (p.ApproveFor("org", "custom").CommandHelpLink, p.ApproveFor("org", "custom").PrProcessLink));
        var defaults = ("https://go.k8s.io/bot-commands", "https://git.k8s.io/community/contributors/guide/owners.md#the-code-review-process");
        Assert.Equal(defaults, (p.ApproveFor("org", "empty").CommandHelpLink, p.ApproveFor("org", "empty").PrProcessLink));
        Assert.Equal(defaults, (p.ApproveFor("org", "unlisted").CommandHelpLink, p.ApproveFor("org", "unlisted").PrProcessLink));
    }

    [Fact]
    public void OwnersFilenames_PerRepoThenOrg_ElseTheDefaults_AndAnUnknownFieldIsNamed()
    {
        using var dir = new TempDir();
        var p = Load.Ok(dir, "", pluginsYaml: """
            owners:
              filenames:
                org: {owners: OWNERS.org}
                org/repo: {owners: OWNERS.repo, owners_aliases: ALIASES.repo}
            """).Plugins.Owners;

        Assert.Equal(new OwnersFilenames("OWNERS.repo", "ALIASES.repo"), p.FilenamesFor("org", "repo"));
        Assert.Equal(new OwnersFilenames("OWNERS.org", "OWNERS_ALIASES"), p.FilenamesFor("org", "other"));
        Assert.Equal(new OwnersFilenames("OWNERS", "OWNERS_ALIASES"), p.FilenamesFor("elsewhere", "repo"));

        var typo = Load.Config(dir, "", pluginsYaml: "owners:\n  filenames:\n    org:\n      owner: OWNERS.org\n");
        var problem = Assert.Single(typo.Problems);
        Assert.Equal((4, "owners.filenames.org.owner"), (problem.Line, problem.Field));
    }

    [Fact]
    public void UnknownPluginName_IsAnError_OnTheLineOfTheName()
    {
        using var dir = new TempDir();
        var result = Load.Config(dir, "", pluginsYaml: "plugins:\n  org:\n    plugins:\n    - trigger\n    - not-a-plugin\n  org/repo: [no-such-plugin]\n");

        Assert.False(result.Succeeded);
        Assert.Equal(
            [(5, "plugins.org", "unknown plugin: not-a-plugin"), (6, "plugins.org/repo", "unknown plugin: no-such-plugin")],
            result.Errors.Select(e => (e.Line, e.Field, e.Message)));
    }

    [Fact]
    public void ProwPluginNotImplemented_IsAnErrorNamingIt_OnlyWhenTheImplementedSetIsGiven()
    {
        using var dir = new TempDir();
        var plugins = dir.Write("plugins.yaml", "plugins:\n  org:\n    plugins: [trigger, yuks]\n  org/repo:\n    plugins:\n    - dog\n");
        var paths = new ConfigPaths(null, null, plugins);

        var checkedLoad = ConfigLoader.Load(paths, implementedPlugins: new HashSet<string>(["trigger"]));
        var plainLoad = ConfigLoader.Load(paths);

        Assert.False(checkedLoad.Succeeded);
        Assert.Equal(
            [(3, "plugins.org", "plugin yuks is a Prow plugin this build does not implement"), (6, "plugins.org/repo", "plugin dog is a Prow plugin this build does not implement")],
            checkedLoad.Errors.Select(e => (e.Line, e.Field, e.Message)).OrderBy(e => e.Line));
        Assert.Empty(plainLoad.Problems);
    }

    [Fact]
    public void SlackSection_MergeWarningsMentionChannelsAndWebhookFile_AreRead_OldNamesToo()
    {
        using var dir = new TempDir();
        var slack = Load.Ok(dir, "", pluginsYaml: """
            slack:
              incoming_webhook_url_file: /etc/slack/webhook-url
              mentionchannels: [sig-testing, release]
              mergewarnings:
              - repos: [org/repo]
                channels: [alerts]
                exempt_users: [prow-bot]
                exempt_branches: {org/repo: [gh-pages]}
              - repos: [org]
                channels: [org-alerts]
                whitelist: [old-bot]
                branch_whitelist: {org/other: [docs]}
            """).Plugins.Slack;

        Assert.Equal("/etc/slack/webhook-url", slack.IncomingWebhookUrlFile);
        Assert.Equal(["sig-testing", "release"], slack.MentionChannels);
        var repo = slack.MergeWarningFor("org", "repo")!;
        Assert.Equal(["alerts"], repo.Channels);
        Assert.Equal(["prow-bot"], repo.ExemptUsers);
        Assert.Equal(["gh-pages"], repo.ExemptBranches["org/repo"]);
        var org = slack.MergeWarningFor("org", "other")!;
        Assert.Equal(["org-alerts"], org.Channels);
        Assert.Equal(["old-bot"], org.ExemptUsers);
        Assert.Equal(["docs"], org.ExemptBranches["org/other"]);
        Assert.Null(slack.MergeWarningFor("elsewhere", "repo"));
    }
}
