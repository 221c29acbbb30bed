using Prow.Clients.GitHub;
using Prow.Config;
using Prow.GrainInterfaces.Tide;

namespace Prow.Grains.Tide;

/// <summary>The pool's effects on GitHub: merges and the tide status context.</summary>
public sealed partial class MergePoolGrain
{
    /// <summary>
    /// Merges the targets in order, each guarded by the head tide tested. A refusal stops the rest: a moved head or
    /// base is read again and decided afresh; any other refusal is put on the pull request and not tried again for
    /// that head.
    /// </summary>
    private async Task<bool> MergeAsync(ConfigSnapshot snapshot, PoolDecision decision)
    {
        var testedBase = Pool.BaseSha!; // the record names the base the merged heads passed at, not the merge commit
        var merged = new List<PoolPullSummary>(); // attempted, in order; only the last can have failed
        string? newBase = null;
        string? error = null;
        var decideAgain = true;
        foreach (var number in decision.Targets)
        {
            var pull = Pool.Pulls[number].Pull;
            var (title, body) = MergeCommitMessage.Render(snapshot.Prow.Tide.MergeCommitTemplateFor(_org, _repo), _org, _repo, pull, e => LogMergeTemplateFailed(logger, _org, _repo, number, e));
            var details = new MergeDetails { MergeMethod = MethodFor(snapshot, pull), CommitTitle = title, CommitMessage = body, Sha = pull.HeadSha };
            try
            {
                var result = await github.MergePullRequestAsync(_org, _repo, number, details, CancellationToken.None);
                merged.Add(Summary(pull));
                newBase = result.Sha;
                Pool.Pulls.Remove(number);
                Pool.Sent.Remove(number);
            }
            catch (GitHubMergeException ex)
            {
                error = $"#{number}: {ex.GitHubMessage ?? ex.Message}";
                await HandleRefusalAsync(number, ex);
                merged.Add(Summary(pull));
                // Another merge got in first: wait for the next event or sync rather than race it again now.
                decideAgain = ex.Error != MergeError.BaseBranchModified;
                break;
            }
        }

        if (newBase is not null)
        {
            MoveBase(newBase);
        }

        if (merged.Count - (error is null ? 0 : 1) is > 0 and var count)
        {
            metrics.Merged(_org, _repo, _branch, count);
        }

        AddHistory(decision.Action, testedBase, merged, error);
        return decideAgain;
    }

    private async Task HandleRefusalAsync(int number, GitHubMergeException refusal)
    {
        switch (refusal.Error)
        {
            case MergeError.HeadModified:
                await TrackAsync(PoolPullRequests.From(await github.GetPullRequestAsync(_org, _repo, number, CancellationToken.None)), approved: null, changed: true);
                break;
            case MergeError.BaseBranchModified:
                MoveBase((await github.GetBranchAsync(_org, _repo, _branch, CancellationToken.None)).Commit.Sha);
                break;
            default:
                var tracked = Pool.Pulls[number];
                Pool.Pulls[number] = tracked with { MergeFailure = refusal.GitHubMessage ?? refusal.Error.ToString() };
                break;
        }
    }

    /// <summary>The repository's configured method, unless the pull request carries one of the method labels.</summary>
    private MergeMethod MethodFor(ConfigSnapshot snapshot, PoolPullRequest pull)
    {
        var tide = snapshot.Prow.Tide;
        bool Has(string? label) => label is { Length: > 0 } && pull.Labels.Contains(label, StringComparer.OrdinalIgnoreCase);
        var method = Has(tide.SquashLabel) ? "squash" : Has(tide.RebaseLabel) ? "rebase" : Has(tide.MergeLabel) ? "merge" : tide.MergeMethodFor(_org, _repo, _branch);
        return method switch
        {
            "squash" => MergeMethod.Squash,
            "rebase" => MergeMethod.Rebase,
            _ => MergeMethod.Merge,
        };
    }

    /// <summary>Sets the tide context on the head unless it already says exactly this.</summary>
    private async Task SendStatusAsync(ConfigSnapshot snapshot, PoolPullRequest pull, TideStatus status)
    {
        var desired = new SentStatus(pull.HeadSha, status.State, status.Description);
        if (Pool.Sent.GetValueOrDefault(pull.Number) == desired)
        {
            return;
        }

        var urls = snapshot.Prow.Tide.TargetUrls;
        var target = urls.GetValueOrDefault($"{_org}/{_repo}") ?? urls.GetValueOrDefault(_org) ?? urls.GetValueOrDefault("*");
        var commitStatus = new NewCommitStatus
        {
            State = status.State switch { "success" => StatusState.Success, "error" => StatusState.Error, _ => StatusState.Pending },
            Context = ContextRequirements.TideContext,
            Description = status.Description,
            TargetUrl = target,
        };
        await github.CreateStatusAsync(_org, _repo, pull.HeadSha, commitStatus, CancellationToken.None);
        Pool.Sent[pull.Number] = desired;
    }
}
