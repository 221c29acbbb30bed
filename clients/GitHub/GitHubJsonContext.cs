using System.Text.Json.Serialization;

namespace Prow.Clients.GitHub;

/// <summary>Source-generated (de)serialization for every wire shape the client uses.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(PullRequest))]
[JsonSerializable(typeof(List<PullRequestFile>))]
[JsonSerializable(typeof(List<PullRequestCommit>))]
[JsonSerializable(typeof(List<IssueComment>))]
[JsonSerializable(typeof(IssueComment))]
[JsonSerializable(typeof(List<Label>))]
[JsonSerializable(typeof(Issue))]
[JsonSerializable(typeof(List<CommitStatus>))]
[JsonSerializable(typeof(CommitStatus))]
[JsonSerializable(typeof(NewCommitStatus))]
[JsonSerializable(typeof(CombinedStatus))]
[JsonSerializable(typeof(CheckRunPage))]
[JsonSerializable(typeof(WorkflowRunPage))]
[JsonSerializable(typeof(SearchIssuesPage))]
[JsonSerializable(typeof(CollaboratorAccess))]
[JsonSerializable(typeof(List<User>))]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(List<Review>))]
[JsonSerializable(typeof(MergeDetails))]
[JsonSerializable(typeof(MergeResult))]
[JsonSerializable(typeof(BranchProtection))]
[JsonSerializable(typeof(BranchProtectionRequest))]
[JsonSerializable(typeof(ContentResponse))]
[JsonSerializable(typeof(Repository))]
[JsonSerializable(typeof(Branch))]
[JsonSerializable(typeof(List<Branch>))]
[JsonSerializable(typeof(GitReference))]
[JsonSerializable(typeof(GitCommit))]
[JsonSerializable(typeof(List<IssueEvent>))]
[JsonSerializable(typeof(List<Events.ReviewComment>))]
[JsonSerializable(typeof(GitHubApp))]
[JsonSerializable(typeof(Installation))]
[JsonSerializable(typeof(InstallationToken))]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(CommentBody))]
[JsonSerializable(typeof(LabelsBody))]
[JsonSerializable(typeof(AssigneesBody))]
[JsonSerializable(typeof(ReviewersBody))]
[JsonSerializable(typeof(IssuePatchBody))]
internal sealed partial class GitHubJsonContext : JsonSerializerContext;
