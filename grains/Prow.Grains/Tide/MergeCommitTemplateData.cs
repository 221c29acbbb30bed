using Prow.GrainInterfaces.Tide;

namespace Prow.Grains.Tide;

/// <summary>
/// A pull request as tide's merge_commit_template sees it: Prow's <c>CodeReviewCommon</c> by its Go field names
/// (<c>.Number</c>, <c>.Title</c>, <c>.Body</c>, <c>.HeadRefName</c>, <c>.AuthorLogin</c>), with GitHub's view of the
/// pull request under <c>.GitHub</c> (<c>.GitHub.Author.Login</c>).
/// </summary>
public sealed record MergeCommitTemplateData(
    string NameWithOwner, int Number, string Org, string Repo, string BaseRefPrefix, string BaseRefName, string HeadRefName,
    string HeadRefOID, string Title, string Body, string AuthorLogin, string Mergeable, MergeCommitTemplateData.PullRequest GitHub)
{
    private const string BranchPrefix = "refs/heads/";

    public static MergeCommitTemplateData For(string org, string repo, PoolPullRequest pull)
    {
        ArgumentNullException.ThrowIfNull(pull);
        var mergeable = pull.Mergeable switch { true => "MERGEABLE", false => "CONFLICTING", null => "UNKNOWN" };
        var github = new PullRequest(
            pull.Number, new Actor(pull.Author), new Ref(pull.BaseRef, BranchPrefix), pull.HeadRef, pull.HeadSha, mergeable,
            new Repository(repo, $"{org}/{repo}", new Actor(org)), pull.Title, pull.Body);
        return new(
            $"{org}/{repo}", pull.Number, org, repo, BranchPrefix, pull.BaseRef, pull.HeadRef, pull.HeadSha, pull.Title, pull.Body,
            pull.Author, mergeable, github);
    }

    /// <summary>The fields of Prow's GraphQL <c>PullRequest</c> that a pool pull request knows.</summary>
    public sealed record PullRequest(
        int Number, Actor Author, Ref BaseRef, string HeadRefName, string HeadRefOID, string Mergeable, Repository Repository, string Title, string Body);

    public sealed record Actor(string Login);

    public sealed record Ref(string Name, string Prefix);

    public sealed record Repository(string Name, string NameWithOwner, Actor Owner);
}
