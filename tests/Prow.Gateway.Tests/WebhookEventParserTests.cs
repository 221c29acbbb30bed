using Prow.Clients.GitHub.Events;

namespace Prow.Gateway.Tests;

public sealed class WebhookEventParserTests
{
    public static TheoryData<string, string, Type> Fixtures => new()
    {
        { "pull_request.opened", "pull_request", typeof(PullRequestEvent) },
        { "pull_request.reopened", "pull_request", typeof(PullRequestEvent) },
        { "pull_request.synchronize", "pull_request", typeof(PullRequestEvent) },
        { "pull_request.edited", "pull_request", typeof(PullRequestEvent) },
        { "pull_request.labeled", "pull_request", typeof(PullRequestEvent) },
        { "pull_request.unlabeled", "pull_request", typeof(PullRequestEvent) },
        { "pull_request.closed", "pull_request", typeof(PullRequestEvent) },
        { "pull_request.ready_for_review", "pull_request", typeof(PullRequestEvent) },
        { "pull_request.converted_to_draft", "pull_request", typeof(PullRequestEvent) },
        { "issue_comment.created", "issue_comment", typeof(IssueCommentEvent) },
        { "issue_comment.edited", "issue_comment", typeof(IssueCommentEvent) },
        { "pull_request_review.submitted", "pull_request_review", typeof(PullRequestReviewEvent) },
        { "pull_request_review.dismissed", "pull_request_review", typeof(PullRequestReviewEvent) },
        { "pull_request_review_comment.created", "pull_request_review_comment", typeof(PullRequestReviewCommentEvent) },
        { "push", "push", typeof(PushEvent) },
        { "status", "status", typeof(StatusEvent) },
        { "check_run.completed", "check_run", typeof(CheckRunEvent) },
        { "check_suite.completed", "check_suite", typeof(CheckSuiteEvent) },
        { "issues.opened", "issues", typeof(IssuesEvent) },
        { "repository.created", "repository", typeof(RepositoryEvent) },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_ParsesAsItsEvent(string fixture, string eventName, Type expected)
    {
        var body = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture + ".json"));

        Assert.True(WebhookEventParser.TryParse(eventName, body, out var parsed, out var error), error);

        Assert.IsType(expected, parsed);
        Assert.Equal(eventName, parsed!.EventName);
        Assert.Equal("org/repo", parsed.Repository.FullName);
    }

    [Fact]
    public void PullRequestSynchronize_CarriesHeadBaseLabelsAndBefore()
    {
        var parsed = (PullRequestEvent)Parse("pull_request", "pull_request.synchronize");

        Assert.Equal("synchronize", parsed.Action);
        Assert.Equal(7, parsed.PullRequest.Number);
        Assert.Equal("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", parsed.PullRequest.Head.Sha);
        Assert.Equal("main", parsed.PullRequest.Base.Ref);
        Assert.Equal("cccccccccccccccccccccccccccccccccccccccc", parsed.Before);
        Assert.Equal(["lgtm"], parsed.PullRequest.Labels.Select(l => l.Name));
        Assert.Equal("alice", parsed.PullRequest.User.Login);
        Assert.Equal("CONTRIBUTOR", parsed.PullRequest.AuthorAssociation);
    }

    [Fact]
    public void IssueComment_OnPullRequest_KnowsItIsAPullRequest()
    {
        var parsed = (IssueCommentEvent)Parse("issue_comment", "issue_comment.created");

        Assert.True(parsed.Issue.IsPullRequest);
        Assert.Equal("/test all\n/lgtm", parsed.Comment.Body);
        Assert.Equal("bob", parsed.Comment.User.Login);
    }

    [Fact]
    public void Push_BranchAndChangedFiles()
    {
        var parsed = (PushEvent)Parse("push", "push");

        Assert.Equal("main", parsed.Branch);
        Assert.Equal(["b/c"], parsed.Commits[0].Modified);
        Assert.Equal("alice", parsed.Pusher!.Name);
    }

    [Theory]
    [InlineData("opened_pr.json", "pull_request")]
    [InlineData("reopened_pr.json", "pull_request")]
    [InlineData("lgtm_comment.json", "issue_comment")]
    [InlineData("review_approve_submitted.json", "pull_request_review")]
    [InlineData("review_changes_submitted.json", "pull_request_review")]
    [InlineData("review_comment_submitted.json", "pull_request_review")]
    [InlineData("push.json", "push")]
    [InlineData("test_comment.json", "issue_comment")]
    public void ProwsOwnExamplePayloads_Parse(string file, string eventName)
    {
        var body = File.ReadAllBytes(Path.Combine(Conformance(), "webhooks", "kubernetes-sigs_prow", "phony-examples", file));

        Assert.True(WebhookEventParser.TryParse(eventName, body, out var parsed, out var error), error);
        Assert.NotNull(parsed);
    }

    [Theory]
    [InlineData("pull_request", """{"action":"opened","number":1,"repository":{"full_name":"o/r"}}""", "pull_request is missing")]
    [InlineData("pull_request", """{"action":"opened","number":"seven","pull_request":{},"repository":{"full_name":"o/r"}}""", "not a pull_request event")]
    [InlineData("issue_comment", """{"action":"created","issue":{"number":1},"repository":{"full_name":"o/r"}}""", "comment is missing")]
    [InlineData("push", """{"ref":"refs/heads/main","repository":{"full_name":"o/r"}}""", "after is missing")]
    [InlineData("status", """{"sha":"a","state":"success","repository":{"full_name":"o/r"}}""", "context is missing")]
    [InlineData("issues", """{"action":"opened","issue":{"number":3}}""", "repository.full_name is missing")]
    [InlineData("pull_request", "null", "the body is null")]
    public void MalformedEvent_IsRefusedWithTheReason(string eventName, string json, string reason)
    {
        Assert.False(WebhookEventParser.TryParse(eventName, System.Text.Encoding.UTF8.GetBytes(json), out var parsed, out var error));

        Assert.Null(parsed);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingOptionalObjects_KeepTheirDefaultsInsteadOfNull()
    {
        // Source-generated JSON drops initializers of init-only properties; the models use set for this reason.
        Assert.True(WebhookEventParser.TryParse("pull_request", """{"action":"opened","number":1,"pull_request":{"number":1},"repository":{"full_name":"o/r"}}"""u8.ToArray(), out var parsed, out var error), error);

        var pullRequest = ((PullRequestEvent)parsed!).PullRequest;
        Assert.Equal("", pullRequest.User.Login);
        Assert.Equal("", pullRequest.Head.Sha);
        Assert.Empty(pullRequest.Labels);
        Assert.Equal("", parsed.Sender.Login);
    }

    [Fact]
    public void UnhandledEvent_IsAcceptedWithoutAnEvent()
    {
        Assert.True(WebhookEventParser.TryParse("sponsorship", "{}"u8.ToArray(), out var parsed, out var error));
        Assert.Null(parsed);
        Assert.Null(error);
    }

    private static GitHubEvent Parse(string eventName, string fixture)
    {
        Assert.True(WebhookEventParser.TryParse(eventName, File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture + ".json")), out var parsed, out var error), error);
        return parsed!;
    }

    private static string Conformance()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Directory.Build.props")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new DirectoryNotFoundException("repository root"), "testdata", "conformance");
    }
}
