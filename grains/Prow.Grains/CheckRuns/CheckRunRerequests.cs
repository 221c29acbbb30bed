using Microsoft.Extensions.Logging;
using Prow.Clients.GitHub;
using Prow.Clients.GitHub.Events;
using Prow.Config;
using Prow.Grains.Plugins.Framework;
using Prow.Grains.Plugins.Trigger;

namespace Prow.Grains.CheckRuns;

/// <summary>
/// The "Re-run" button of a job's check run (<c>check_run</c> <c>rerequested</c>): the run's <c>external_id</c> names the
/// ProwJob. A presubmit runs again on its pull request's current head under <c>/retest</c>'s rules: the person who
/// clicked is trusted, or the pull request is (its author is trusted, or it has <c>ok-to-test</c>); the pull request's
/// grain starts it, so a run already going for that head is not started twice. Any other job is run again with its
/// spec (deck's rerun) when the person is trusted.
/// </summary>
public sealed partial class CheckRunRerequests(IGrainFactory grains, IGitHubClient gitHub, BotIdentity bot, TimeProvider time, ILogger<CheckRunRerequests> logger)
{
    public const string Reason = "check run rerequested";

    /// <returns>What was asked to run again, or null when nothing was.</returns>
    public async Task<string?> HandleAsync(ConfigSnapshot config, CheckRunEvent checkRun, string deliveryId)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(checkRun);
        if (checkRun.Action != "rerequested" || checkRun.CheckRun.ExternalId is not { Length: > 0 } id)
        {
            return null;
        }

        var (org, repo, sender) = (checkRun.Repository.Owner.Login, checkRun.Repository.Name, checkRun.Sender.Login);
        var job = await grains.GetGrain<IProwJobGrain>(id).GetAsync();
        if (job?.Spec.MainRefs is not { } refs || !string.Equals(refs.Org, org, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(refs.Repo, repo, StringComparison.OrdinalIgnoreCase) || job.Spec.Context != checkRun.CheckRun.Name)
        {
            LogNotOurs(logger, checkRun.CheckRun.Name, id, org, repo);
            return null;
        }

        var context = new PluginContext(config, gitHub, bot.LoginAsync, logger, time, CancellationToken.None);
        var trigger = config.Plugins.TriggerFor(org, repo);
        if (job.Spec is not { Type: ProwJobType.Presubmit, Refs.Pulls: [var pull, ..] })
        {
            if (!await TrustChecker.IsTrustedUserAsync(context, trigger, org, repo, sender))
            {
                LogUntrusted(logger, sender, job.Spec.Job, org, repo);
                return null;
            }

            return (await grains.GetGrain<IProwJobGrain>(id).RerunAsync(sender)).Id;
        }

        var pr = await gitHub.GetPullRequestAsync(org, repo, pull.Number, CancellationToken.None);
        if (pr.State != "open")
        {
            return null;
        }

        if (!await TrustChecker.IsTrustedUserAsync(context, trigger, org, repo, sender)
            && !IssueLabels.Has(await IssueLabels.CurrentAsync(context, org, repo, pr.Number), TriggerLabels.OkToTest)
            && !await TrustChecker.IsTrustedUserAsync(context, trigger, org, repo, pr.User.Login))
        {
            LogUntrusted(logger, sender, job.Spec.Job, org, repo);
            return null;
        }

        var presubmit = config.Jobs.PresubmitsFor(org, repo).FirstOrDefault(p => p.Name == job.Spec.Job && p.CouldRun(pr.Base.Ref));
        if (presubmit is null)
        {
            LogNotOurs(logger, checkRun.CheckRun.Name, id, org, repo);
            return null;
        }

        var request = new ProwJobRequest(presubmit.Name, ProwJobType.Presubmit, presubmit.Context, org, repo, pr.Base.Ref, pr.Base.Sha, pr.Number, pr.Head.Sha, pr.User.Login, sender, Reason, time.GetUtcNow());
        await grains.GetGrain<IPullRequestGrain>(GrainKeys.PullRequest(org, repo, pr.Number)).RequestJobsAsync([request], deliveryId);
        return presubmit.Name;
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Check run {Name} ({ExternalId}) on {Org}/{Repo} names no job of this prow; its re-run request is ignored")]
    private static partial void LogNotOurs(ILogger logger, string name, string externalId, string org, string repo);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "{Sender} asked to re-run {Job} on {Org}/{Repo} from its check run, but may not (as with /retest)")]
    private static partial void LogUntrusted(ILogger logger, string sender, string job, string org, string repo);
}
