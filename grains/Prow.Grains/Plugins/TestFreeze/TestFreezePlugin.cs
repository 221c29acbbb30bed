using Prow.Clients.GitHub.Events;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.TestFreeze;

/// <summary>
/// On a pull request opened (or reopened) against kubernetes/kubernetes' master during code freeze or test freeze,
/// explains what the freeze means for it: code freeze asks for approval to join the release (or, for a kind/bug pull
/// request, for the release team to be told); test freeze says merges are fast-forwarded into the release branch.
/// </summary>
public sealed class TestFreezePlugin(FreezeChecker checker) : IPlugin, IPullRequestHandler
{
    public const string PluginName = "testfreeze";
    private const string Branch = "master";

    public string Name => PluginName;

    /// <summary>Prow's comment for a freeze state, word for word.</summary>
    public static string Message(FreezeState state, bool bugFix)
    {
        ArgumentNullException.ThrowIfNull(state);
        var codeFreeze = !state.InCodeFreeze ? "" :
            $"Please note that we're already in [Code Freeze](https://github.com/kubernetes/sig-release/blob/master/releases/release_phases.md#code-freeze) for the upcoming {state.Tag} release.\n\n" + (bugFix
                ? $"This PR is labeled `kind/bug`, so it **may** be included in the {state.Tag} release as a bug fix. Please make sure to:\n1. Technical review: get the PR reviewed and approved as usual (`/lgtm` and `/approve`)\n2. Release team awareness: tag `@kubernetes/sig-release-leads` on this PR so the release team is aware of the fix going in. You can also ping the [#sig-release Slack channel](https://kubernetes.slack.com/archives/C2C40FMNF) for time-sensitive cases.\n"
                : $"**Adding the milestone to this PR is strictly prohibited without proper approval.** If this PR needs to be included in the {state.Tag} release:\n1. Technical review: get the PR reviewed and approved as usual (`/lgtm` and `/approve`)\n2. Inclusion in release: tag `@kubernetes/sig-release-leads` on this PR and ping the [#sig-release Slack channel](https://kubernetes.slack.com/archives/C2C40FMNF) to request adding the `{state.Tag}` milestone\n");
        var testFreeze = !state.InTestFreeze ? "" :
            $"\n---\n\nWe're{(state.InCodeFreeze ? " also" : "")} in [Test Freeze](https://github.com/kubernetes/sig-release/blob/master/releases/release_phases.md#test-freeze) for the `{state.Branch}` branch. This means every merged PR will be automatically fast-forwarded via the periodic [ci-fast-forward](https://testgrid.k8s.io/sig-release-releng-blocking#git-repo-kubernetes-fast-forward) job to the release branch of the upcoming {state.Tag} release.\n\nFast forwards are scheduled to happen every 6 hours, whereas the most recent run was: {state.LastFastForward}.\n";
        return codeFreeze + "\n" + testFreeze;
    }

    public async Task HandlePullRequestAsync(PluginContext context, PullRequestEvent pullRequest)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pullRequest);
        if (pullRequest.Action is not ("opened" or "reopened")
            || pullRequest.Repository.FullName != FreezeChecker.Repo
            || pullRequest.PullRequest.Base.Ref != Branch
            || await checker.CheckAsync(context) is not { } state
            || (!state.InCodeFreeze && !state.InTestFreeze))
        {
            return;
        }

        var bugFix = pullRequest.PullRequest.Labels.Any(l => l.Name == "kind/bug");
        await context.GitHub.CreateCommentAsync("kubernetes", "kubernetes", pullRequest.PullRequest.Number, Message(state, bugFix), context.CancellationToken);
    }

    public PluginHelp Help(PluginHelpContext context) => new(
        "Explains Kubernetes' code freeze and test freeze on new pull requests.",
        "The testfreeze plugin acts only on pull requests opened against the master branch of kubernetes/kubernetes. While the newest release-X.Y branch has no vX.Y.0 tag yet (test freeze), or while tide's queries for kubernetes/kubernetes exclude that branch or the next one (code freeze), it comments on each new pull request with what the freeze means for it: how a bug fix may still get into the release, that the milestone needs approval, and when the ci-fast-forward job last brought master into the release branch (from this prow's own job history).",
        ["pull_request"],
        []);
}
