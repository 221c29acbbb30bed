using System.Text.Json.Nodes;

namespace Prow.FakeGitHub;

/// <summary>A repository in the fake's model. Seed it before calls; read it through the server's helpers after.</summary>
public sealed class FakeRepo(string owner, string name, string defaultBranch)
{
    public string Owner { get; } = owner;
    public string Name { get; } = name;
    public string FullName => Owner + "/" + Name;
    public long Id { get; init; }
    public string DefaultBranch { get; set; } = defaultBranch;
    public bool Archived { get; set; }
    public bool Private { get; set; }
    public Dictionary<string, string> Branches { get; } = new(StringComparer.Ordinal);

    /// <summary>tag name → SHA.</summary>
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
    public List<string> Labels { get; } = [];

    /// <summary>login → permission (admin, maintain, write, triage, read).</summary>
    public Dictionary<string, string> Collaborators { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>ref → path → content.</summary>
    public Dictionary<string, Dictionary<string, string>> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// commit SHA → tree SHA, for commits whose content should compare equal; any other commit gets a tree of its own.
    /// </summary>
    public Dictionary<string, string> Trees { get; } = new(StringComparer.Ordinal);

    /// <summary>branch → the protection body last PUT (GitHub's request shape).</summary>
    public Dictionary<string, JsonObject> Protection { get; } = new(StringComparer.Ordinal);
    public Dictionary<int, FakeIssue> Issues { get; } = [];
    public List<FakeComment> Comments { get; } = [];
    public List<FakeReaction> Reactions { get; } = [];
    public Dictionary<string, List<FakeStatus>> Statuses { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<FakeCheckRun>> CheckRuns { get; } = new(StringComparer.Ordinal);

    /// <summary>Every create and update of a check run through the API, in order.</summary>
    public List<FakeCheckRunWrite> CheckRunWrites { get; } = [];
    public List<FakeMerge> Merges { get; } = [];
    public List<FakeWorkflowRun> WorkflowRuns { get; } = [];
    public List<FakeMilestone> Milestones { get; } = [];

    /// <summary>
    /// Makes the commit a merge produces and returns its SHA (e.g. a real <c>git merge</c> in a repository jobs clone);
    /// given the pull request and the method. Unset, the SHA is a hash of what was merged.
    /// </summary>
    public Func<FakeIssue, string, string>? MergeCommit { get; set; }
    public long? InstallationId { get; set; }

    public FakeIssue AddPullRequest(int number, string title, string author, string headSha, string baseRef = "main", string? headRef = null)
    {
        var pr = new FakeIssue
        {
            Number = number,
            Title = title,
            Author = author,
            IsPullRequest = true,
            HeadSha = headSha,
            BaseRef = baseRef,
            HeadRef = headRef ?? "pr-" + number,
        };
        Issues[number] = pr;
        return pr;
    }

    public FakeIssue AddIssue(int number, string title, string author)
    {
        var issue = new FakeIssue { Number = number, Title = title, Author = author };
        Issues[number] = issue;
        return issue;
    }

    public FakeRepo WithBranch(string branch, string sha)
    {
        Branches[branch] = sha;
        return this;
    }

    public FakeRepo WithMilestone(int number, string title, string state = "open")
    {
        Milestones.Add(new FakeMilestone(number, title, state));
        return this;
    }

    public FakeRepo WithFile(string gitRef, string path, string content)
    {
        if (!Files.TryGetValue(gitRef, out var files))
        {
            Files[gitRef] = files = new Dictionary<string, string>(StringComparer.Ordinal);
        }

        files[path] = content;
        return this;
    }
}
