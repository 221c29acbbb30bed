using Prow.Clients.GitHub;

namespace Prow.Grains.Plugins.Trigger;

/// <summary>What the trigger needs to know about a pull request, from an event or from the API.</summary>
internal sealed record PullRequestFacts(string Org, string Repo, int Number, string Author, string HeadSha, string HeadRef, string BaseRef, string BaseSha, bool Draft, string State, IReadOnlyList<string> Labels)
{
    public static PullRequestFacts From(string org, string repo, PullRequest pr) =>
        new(org, repo, pr.Number, pr.User.Login, pr.Head.Sha, pr.Head.Ref, pr.Base.Ref, pr.Base.Sha, pr.Draft, pr.State, [.. pr.Labels.Select(l => l.Name)]);

    public bool HasLabel(string label) => Labels.Contains(label, StringComparer.OrdinalIgnoreCase);
}
