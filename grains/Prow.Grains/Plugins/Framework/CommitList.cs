using Prow.Clients.GitHub;

namespace Prow.Grains.Plugins.Framework;

/// <summary>Commits as a Markdown list (Prow's MarkdownSHAList): each short SHA links to the commit, followed by its subject.</summary>
public static class CommitList
{
    public static string Markdown(string org, string repo, IEnumerable<PullRequestCommit> commits)
    {
        ArgumentNullException.ThrowIfNull(commits);
        return string.Join('\n', commits.Where(c => c.Sha.Length > 0).Select(c =>
            $"- [{c.Sha[..Math.Min(7, c.Sha.Length)]}](https://github.com/{org}/{repo}/commits/{c.Sha}) {Subject(c.Commit.Message)}"));
    }

    /// <summary>The first line of a commit message.</summary>
    public static string Subject(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var end = message.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }
}
