namespace Prow.FakeGitHub;

/// <summary>Read helpers for assertions; each returns a copy taken under the model lock.</summary>
public sealed partial class FakeGitHubServer
{
    public IReadOnlyList<string> LabelsOn(string fullName, int number) => Read(fullName, r => r.Issues[number].Labels.ToList());

    public IReadOnlyList<FakeComment> CommentsOn(string fullName, int number) =>
        Read(fullName, r => r.Comments.Where(c => c.IssueNumber == number).ToList());

    /// <summary>The reactions on an issue or pull request itself, in the order they were left.</summary>
    public IReadOnlyList<FakeReaction> ReactionsOn(string fullName, int number) =>
        Read(fullName, r => r.Reactions.Where(x => x.IssueNumber == number).ToList());

    /// <summary>The reactions on one issue comment, in the order they were left.</summary>
    public IReadOnlyList<FakeReaction> ReactionsOnComment(string fullName, long commentId) =>
        Read(fullName, r => r.Reactions.Where(x => x.CommentId == commentId).ToList());

    /// <summary>Every status on a SHA, newest first.</summary>
    public IReadOnlyList<FakeStatus> StatusesFor(string fullName, string sha) =>
        Read(fullName, r => (r.Statuses.GetValueOrDefault(sha) ?? []).ToList());

    public IReadOnlyList<FakeMerge> MergesIn(string fullName) => Read(fullName, r => r.Merges.ToList());

    public IReadOnlyList<string> AssigneesOn(string fullName, int number) => Read(fullName, r => r.Issues[number].Assignees.ToList());

    public IReadOnlyList<string> RequestedReviewersOn(string fullName, int number) =>
        Read(fullName, r => r.Issues[number].RequestedReviewers.ToList());

    public FakeIssue Issue(string fullName, int number) => Read(fullName, r => r.Issues[number]);

    /// <summary>Calls with this method and exact path (no query).</summary>
    public IReadOnlyList<RecordedCall> CallsTo(string method, string path) =>
        [.. Calls.Where(c => c.Method == method && c.Path == path)];

    /// <summary>Calls that change something (POST, PATCH, PUT, DELETE).</summary>
    public IReadOnlyList<RecordedCall> Writes => [.. Calls.Where(c => c.Method is not ("GET" or "HEAD"))];

    /// <summary>Changes the model under its lock, as GitHub would change between calls (a label added, a status set).</summary>
    public void Change(string fullName, Action<FakeRepo> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var repo = State.Repo(fullName);
        lock (State.Sync)
        {
            change(repo);
        }
    }

    private T Read<T>(string fullName, Func<FakeRepo, T> read)
    {
        var repo = State.Repo(fullName);
        lock (State.Sync)
        {
            return read(repo);
        }
    }
}
