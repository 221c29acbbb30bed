using Prow.Clients.GitHub;
using Prow.Clients.GitHub.Events;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Tests;

public sealed class GenericCommentEventTests
{
    private static readonly Repository s_repo = new() { Name = "repo", FullName = "org/repo", Owner = new User { Login = "org" } };

    [Fact]
    public void IssueCommentOnPullRequest_IsAPullRequestComment()
    {
        var e = new IssueCommentEvent
        {
            Action = "created",
            Repository = s_repo,
            Issue = new Issue { Number = 4, State = "open", Title = "t", User = new User { Login = "author" }, PullRequest = new IssuePullRequestLink() },
            Comment = new IssueComment { Body = "/lgtm", User = new User { Login = "reviewer" } },
        };

        var comment = GenericCommentEvent.From(e, "d1")!;

        Assert.Equal((GenericCommentEvent.Created, true, "/lgtm", 4, "org", "repo", "reviewer", "author", "d1"),
            (comment.Action, comment.IsPullRequest, comment.Body, comment.Number, comment.Org, comment.Repo, comment.Commenter, comment.IssueAuthor, comment.DeliveryId));
    }

    [Fact]
    public void SubmittedReview_CarriesItsBodyAndTheHeadSha()
    {
        var e = new PullRequestReviewEvent
        {
            Action = "submitted",
            Repository = s_repo,
            Review = new Review { Body = "/approve", User = new User { Login = "approver" } },
            PullRequest = new PullRequest { Number = 9, State = "open", User = new User { Login = "author" }, Head = new PullRequestBranch { Sha = "abc" } },
        };

        var comment = GenericCommentEvent.From(e, "d2")!;

        Assert.Equal(("/approve", "approver", "abc", true), (comment.Body, comment.Commenter, comment.HeadSha, comment.IsPullRequest));
    }

    [Theory]
    [InlineData("opened", GenericCommentEvent.Created)]
    [InlineData("edited", GenericCommentEvent.Edited)]
    public void PullRequestDescription_CountsAsAComment(string action, string expected)
    {
        var e = new PullRequestEvent { Action = action, Repository = s_repo, PullRequest = new PullRequest { Number = 1, Body = "/hold", User = new User { Login = "a" } } };

        Assert.Equal(expected, GenericCommentEvent.From(e, "d")!.Action);
    }

    [Fact]
    public void EventsWithoutText_AreNotComments()
    {
        Assert.Null(GenericCommentEvent.From(new PullRequestEvent { Action = "synchronize", Repository = s_repo, PullRequest = new PullRequest() }, "d"));
        Assert.Null(GenericCommentEvent.From(new PushEvent { Ref = "refs/heads/main", After = "a", Repository = s_repo }, "d"));
    }
}
