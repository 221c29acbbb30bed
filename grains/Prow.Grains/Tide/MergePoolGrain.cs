using Microsoft.Extensions.Logging;
using Prow.Clients.GitHub;
using Prow.Config;
using Prow.GrainInterfaces.Tide;
using Prow.Services.Configuration;
using Prow.Services.Logging;

namespace Prow.Grains.Tide;

/// <summary>
/// Tide for one branch. Every input (a pull request event, a status, a push, a job's progress, the periodic sync)
/// updates the pool's picture and evaluates it at once: the tide status of each pull request is brought up to date
/// (sent only when it changes), then <see cref="PoolPlanner"/> picks one action and the grain performs it. After a
/// merge the base has moved, so the pool evaluates again in the same turn.
/// </summary>
public sealed partial class MergePoolGrain(
    [PersistentState("mergepool")] IPersistentState<MergePoolState> state,
    IConfigSource config,
    IGitHubClient github,
    TideJobStarter jobStarter,
    BatchTrialMerge trialMerge,
    TimeProvider time,
    RepeatedFailures failures,
    TideMetrics metrics,
    ILogger<MergePoolGrain> logger) : Grain, IMergePoolGrain
{
    private static readonly TimeSpan s_retry = TimeSpan.FromSeconds(5);

    /// <summary>The description of a tide job aborted because a pull request it tests got a new head.</summary>
    public const string AbortedForNewHead = "Aborted by tide: a pull request it tests has a new head.";

    /// <summary>A merge changes the base and may allow another; this bounds the actions in one turn.</summary>
    private const int MaxActionsPerTurn = 25;

    private string _org = "";
    private string _repo = "";
    private string _branch = "";
    private HashSet<string>? _publishedHeads;
    private bool _listed;
    private IGrainTimer? _retry;

    private MergePoolState Pool => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!GrainKeys.TryParseMergePool(this.GetPrimaryKeyString(), out _org, out _repo, out _branch))
        {
            throw new InvalidOperationException($"'{this.GetPrimaryKeyString()}' is not a merge pool key (org/repo@branch).");
        }

        return Task.CompletedTask;
    }

    Task IMergePoolGrain.OnPullRequestAsync(PoolPullRequest pull) => EvaluateAsync(() => TrackAsync(pull, approved: null, changed: true));

    Task IMergePoolGrain.RefreshPullRequestAsync(int number) => EvaluateAsync(async () =>
    {
        var pr = await github.GetPullRequestAsync(_org, _repo, number, CancellationToken.None);
        await TrackAsync(PoolPullRequests.From(pr), await ApprovalAsync(number), changed: true);
    });

    async Task IMergePoolGrain.OnContextAsync(ContextUpdate update)
    {
        var tracked = Pool.Pulls.Values.FirstOrDefault(t => t.Pull.HeadSha == update.Sha);
        if (tracked is null || tracked.Contexts.GetValueOrDefault(update.Context) == update.State)
        {
            return;
        }

        tracked.Contexts[update.Context] = update.State;
        await EvaluateAsync();
    }

    Task IMergePoolGrain.RefreshBlockersAsync() => EvaluateAsync(async () =>
    {
        var issues = await TideBlockers.SearchAsync(github, config.Current.Prow.Tide.BlockerLabel, $"repo:\"{_org}/{_repo}\"", CancellationToken.None);
        state.State = Pool with { Blockers = [.. TideBlockers.For(issues, _branch)] };
    });

    async Task IMergePoolGrain.OnBaseMovedAsync(string sha)
    {
        if (sha != Pool.BaseSha)
        {
            MoveBase(sha);
            await EvaluateAsync();
        }
    }

    async Task IMergePoolGrain.OnJobAsync(PoolJob job)
    {
        if (Pool.BaseSha is not null && job.BaseSha != Pool.BaseSha && !job.SkipRetest)
        {
            return; // tested against a base that is gone: no longer tells anything
        }

        Pool.Jobs[job.Id] = job;
        if (job is { Type: ProwJobType.Presubmit, Pulls: [var pull] } && Pool.Pulls.GetValueOrDefault(pull.Number) is { } tracked && tracked.Pull.HeadSha == pull.Sha)
        {
            tracked.Contexts[job.Context] = TideRouting.ContextState(job.State);
        }

        await EvaluateAsync();
    }

    Task IMergePoolGrain.SyncAsync(PoolSync sync) => EvaluateAsync(async () =>
    {
        metrics.Synced(_org, _repo, _branch, time.GetUtcNow());
        if (sync.BaseSha != Pool.BaseSha)
        {
            MoveBase(sync.BaseSha);
        }

        state.State = Pool with { Blockers = [.. sync.Blockers] };

        var open = sync.Pulls.Where(p => p.Open && p.BaseRef == _branch).ToDictionary(p => p.Number);
        foreach (var gone in Pool.Pulls.Keys.Where(n => !open.ContainsKey(n)).ToList())
        {
            Pool.Pulls.Remove(gone);
            Pool.Sent.Remove(gone);
        }

        var needsApproval = Queries(config.Current).Any(q => q.ReviewApprovedRequired);
        foreach (var pull in open.Values)
        {
            // The sync is the safety net for missed status events: read every head's contexts again.
            await TrackAsync(pull, needsApproval ? await ApprovalAsync(pull.Number) : null, changed: false, reloadContexts: true);
        }
    });

    Task<MergePoolView> IMergePoolGrain.GetAsync() => Task.FromResult(CurrentView());

    Task<IReadOnlyList<TideHistoryRecord>> IMergePoolGrain.GetHistoryAsync() => Task.FromResult<IReadOnlyList<TideHistoryRecord>>([.. Pool.History]);

    /// <summary>
    /// Takes a pull request's latest snapshot; a new head starts with the contexts GitHub has for it. A refused merge
    /// is not tried again until the pull request itself changes (<paramref name="changed"/>: an event about it).
    /// </summary>
    private async Task TrackAsync(PoolPullRequest pull, bool? approved, bool changed, bool reloadContexts = false)
    {
        var existing = Pool.Pulls.GetValueOrDefault(pull.Number);
        if (!pull.Open || pull.BaseRef != _branch)
        {
            Pool.Pulls.Remove(pull.Number);
            Pool.Sent.Remove(pull.Number);
            return;
        }

        var sameHead = existing?.Pull.HeadSha == pull.HeadSha;
        if (!sameHead)
        {
            // Index the new head before reading its contexts, so a status set meanwhile is routed here and queued.
            await PublishHeadsAsync(pull.HeadSha);
        }

        // Webhook payloads usually carry no mergeability yet; keep what GitHub last said about this head.
        var snapshot = pull.Mergeable is null && sameHead ? pull with { Mergeable = existing!.Pull.Mergeable, MergeableState = existing.Pull.MergeableState } : pull;
        if (existing is not null && !sameHead)
        {
            await AbortOldHeadAsync(existing.Pull);
        }

        Pool.Pulls[pull.Number] = new TrackedPull(
            snapshot,
            sameHead && !reloadContexts ? existing!.Contexts : await ContextsAsync(pull.HeadSha),
            approved ?? (sameHead ? existing!.Approved : null),
            sameHead && !changed ? existing!.MergeFailure : null);
    }

    /// <summary>
    /// The jobs tide started over a head that has moved on (its retests, and batches holding it) can no longer let
    /// anything merge: they are aborted rather than left to hold a slot.
    /// </summary>
    private async Task AbortOldHeadAsync(PoolPullRequest old)
    {
        var obsolete = Pool.Jobs.Values
            .Where(j => j.CreatedByTide && !j.Complete && j.Pulls.Any(p => p.Number == old.Number && p.Sha == old.HeadSha))
            .ToList();
        foreach (var job in obsolete)
        {
            await GrainFactory.GetGrain<IProwJobGrain>(job.Id).AbortAsync(AbortedForNewHead);
            Pool.Jobs[job.Id] = job with { State = "aborted" };
        }
    }

    private async Task<Dictionary<string, string>> ContextsAsync(string sha)
    {
        var combined = await github.GetCombinedStatusAsync(_org, _repo, sha, CancellationToken.None);
        var checkRuns = await github.ListCheckRunsAsync(_org, _repo, sha, CancellationToken.None);
        return ContextStates.From(combined, checkRuns);
    }

    private async Task<bool?> ApprovalAsync(int number) =>
        Queries(config.Current).Any(q => q.ReviewApprovedRequired)
            ? PoolPullRequests.Approved(await github.ListReviewsAsync(_org, _repo, number, CancellationToken.None))
            : null;

    /// <summary>Results at another base say nothing about this one, except sticky overrides (skip-retest), which hold for their head.</summary>
    private void MoveBase(string sha)
    {
        state.State = Pool with { BaseSha = sha };
        foreach (var stale in Pool.Jobs.Values.Where(j => j.BaseSha != sha && !j.SkipRetest).Select(j => j.Id).ToList())
        {
            Pool.Jobs.Remove(stale);
        }
    }

    /// <summary>Statuses and check runs name a commit: tell the repository's index which heads are this pool's.</summary>
    private async Task PublishHeadsAsync(string? arriving = null)
    {
        var heads = Pool.Pulls.Values.Select(t => t.Pull.HeadSha).Append(arriving).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (_publishedHeads is not null && _publishedHeads.SetEquals(heads))
        {
            return;
        }

        await GrainFactory.GetGrain<IPoolHeadIndexGrain>(GrainKeys.Repository(_org, _repo)).SetHeadsAsync(_branch, [.. heads]);
        _publishedHeads = heads;
        if (!_listed && heads.Count > 0)
        {
            await GrainFactory.GetGrain<ITidePoolsGrain>("all").AddAsync(this.GetPrimaryKeyString());
            _listed = true;
        }
    }

    private IReadOnlyList<Config.Components.TideQuery> Queries(ConfigSnapshot snapshot) =>
        [.. snapshot.Prow.Tide.Queries.Where(q => QueryMatch.Covers(q, _org, _repo))];

    /// <summary>
    /// Applies an input that may need GitHub (<paramref name="change"/>), brings statuses up to date and acts until the
    /// pool has to wait. GitHub trouble is retried on a timer (an input whose reads failed is caught up by the next sync);
    /// whatever was learnt is saved either way.
    /// </summary>
    private async Task EvaluateAsync(Func<Task>? change = null)
    {
        try
        {
            if (change is not null)
            {
                await change();
            }

            for (var i = 0; i < MaxActionsPerTurn && await StepAsync(); i++)
            {
            }

            await PublishHeadsAsync();

            _retry?.Dispose();
            _retry = null;
        }
        catch (Exception ex) when (ex is GitHubApiException or HttpRequestException or TaskCanceledException)
        {
            // Retried every few seconds per pool: while GitHub is away that is one line now and then for all pools.
            if (failures.ShouldWrite("merge pool", out var held))
            {
                LogEvaluationFailed(logger, this.GetPrimaryKeyString(), RepeatedFailures.OutageCause(ex) ?? ex.Message, held);
            }

            state.State = Pool with { LastView = CurrentView() with { Error = ex.Message } };
            _retry ??= this.RegisterGrainTimer(() => EvaluateAsync(), s_retry, s_retry);
            DelayDeactivation(s_retry * 2);
        }
        finally
        {
            metrics.Pooled(_org, _repo, _branch, Pool.Pulls.Count);
            await state.WriteStateAsync();
        }
    }

    /// <summary>One decision and its action; true when the pool changed so that deciding again may do more.</summary>
    private async Task<bool> StepAsync()
    {
        var snapshot = config.Current;
        if (Pool.BaseSha is null)
        {
            MoveBase((await github.GetBranchAsync(_org, _repo, _branch, CancellationToken.None)).Commit.Sha);
        }

        var requirements = ContextRequirements.For(snapshot, _org, _repo, _branch);
        var queries = Queries(snapshot);
        var inPool = new Dictionary<int, string>();
        var blocked = Pool.Blockers.Count > 0;
        var blocksPolicy = snapshot.Prow.Tide.GitHubMergeBlocksPolicyFor(_org, _repo);
        foreach (var (number, tracked) in Pool.Pulls.OrderBy(p => p.Key))
        {
            var (member, status) = PoolMembership.Evaluate(tracked.Pull, tracked.Contexts, tracked.Approved, queries, requirements, tracked.MergeFailure, blocksPolicy, snapshot.Prow.Tide.DisplayAllQueriesInStatus);
            if (member)
            {
                inPool[number] = tracked.Pull.HeadSha;
                if (Retesting(requirements, tracked.Pull) is { Count: > 0 } retesting)
                {
                    status = TideStatus.Retesting(retesting);
                }
            }

            await SendStatusAsync(snapshot, tracked.Pull, member && blocked ? TideStatus.Blocked(Pool.Blockers) : status);
        }

        var priority = inPool.Keys
            .Select(n => (Number: n, Rank: TidePriority.Rank(snapshot.Prow.Tide.Priority, Pool.Pulls[n].Pull.Labels)))
            .Where(r => r.Rank is not null)
            .ToDictionary(r => r.Number, r => r.Rank!.Value);
        var tide = snapshot.Prow.Tide;
        var batchSizeLimit = tide.BatchSizeLimitFor(_org, _repo);
        var batching = new PoolBatching
        {
            PrioritizeExistingBatches = tide.PrioritizeExistingBatchesFor(_org, _repo),
            Suspects = tide.BisectFailedBatchesFor(_org, _repo) ? [.. Pool.Suspects] : null,
            Open = Pool.Pulls.ToDictionary(p => p.Key, p => p.Value.Pull.HeadSha),
        };
        IReadOnlyList<int>? candidates = null;
        PoolDecision Decide(PoolBatching with) => PoolPlanner.Decide(Pool.BaseSha!, inPool, [.. Pool.Jobs.Values], [.. requirements.RequiredJobs.Select(j => j.Name)], batchSizeLimit, priority, with);
        var decision = Decide(batching with { Pick = c => candidates = c });
        if (decision.Action == TideActions.TriggerBatch && candidates is not null && !blocked)
        {
            var picked = await PickBatchAsync(snapshot, requirements, candidates, batchSizeLimit);
            decision = Decide(batching with { Pick = _ => picked });
        }

        if (blocked)
        {
            decision = decision with { Action = TideActions.Blocked, Targets = [], Jobs = [], Groups = [] };
        }

        foreach (var culprit in decision.Culprits)
        {
            await github.CreateCommentAsync(_org, _repo, culprit.Pull.Number, BisectionComment.For(culprit), CancellationToken.None);
            AddHistory(TideActions.BisectionCulprit, Pool.BaseSha!, [Pool.Pulls.TryGetValue(culprit.Pull.Number, out var t) ? Summary(t.Pull) : new PoolPullSummary(culprit.Pull.Number, "", "", culprit.Pull.Sha, "", [])], null);
        }

        state.State = Pool with
        {
            Suspects = decision.Suspects is { } suspects ? [.. suspects.Select(g => g.ToList())] : [],
        };
        state.State = Pool with { LastView = View(decision) };
        switch (decision.Action)
        {
            case TideActions.Merge or TideActions.MergeBatch:
                return await MergeAsync(snapshot, decision);
            case TideActions.Trigger or TideActions.TriggerBatch:
                foreach (var group in decision.Groups)
                {
                    var pulls = group.Select(n => Pool.Pulls[n].Pull).ToList();
                    var jobs = Named(requirements, decision.Jobs);
                    Record(
                        pulls.Count == 1 ? TideActions.Trigger : TideActions.TriggerBatch,
                        pulls.Count == 1
                            ? await jobStarter.RetestAsync(snapshot, jobs, _org, _repo, Pool.BaseSha!, pulls[0])
                            : await jobStarter.BatchAsync(snapshot, jobs, _org, _repo, _branch, Pool.BaseSha!, pulls),
                        null);
                }

                return false;
            default:
                return false;
        }

        static List<Config.Jobs.Presubmit> Named(ContextRequirements requirements, IReadOnlyList<string> names) =>
            [.. requirements.RequiredJobs.Where(j => names.Contains(j.Name))];
    }

    /// <summary>
    /// The candidates that merge together onto the base, by the trial merge. When the scratch clone cannot be made
    /// (the repository unreachable), no batch is formed this time and the pool tests one at a time.
    /// </summary>
    private async Task<IReadOnlyList<int>> PickBatchAsync(ConfigSnapshot snapshot, ContextRequirements requirements, IReadOnlyList<int> candidates, int batchSizeLimit)
    {
        // Jobs clone from their clone_uri when they name one; the trial merge takes the code from the same place.
        var cloneUrl = requirements.RequiredJobs.Select(j => j.CloneUri).FirstOrDefault(u => u is { Length: > 0 });
        var request = new TrialMergeRequest(_org, _repo, _branch, Pool.BaseSha!, cloneUrl,
            [.. candidates.Select(n => Pool.Pulls[n].Pull).Select(p => new TrialCandidate(p.Number, p.HeadSha, MethodFor(snapshot, p) switch
            {
                MergeMethod.Squash => "squash",
                MergeMethod.Rebase => "rebase",
                _ => "merge",
            }))]);
        try
        {
            return await trialMerge.PickAsync(request, batchSizeLimit, CancellationToken.None);
        }
        catch (TrialMergeException ex)
        {
            LogTrialMergeFailed(logger, this.GetPrimaryKeyString(), ex.Message);
            return [];
        }
    }

    /// <summary>
    /// Prow's "Retesting": the contexts of the required Prow jobs that have not passed at the current base for this
    /// head (alone or in a batch); until they do, a pull request in the pool says so instead of "In merge pool.".
    /// </summary>
    private List<string> Retesting(ContextRequirements requirements, PoolPullRequest pull) =>
        [.. requirements.RequiredJobs
            .Where(job => !Pool.Jobs.Values.Any(j => j.Job == job.Name && j.State == "success" && (j.BaseSha == Pool.BaseSha || j.SkipRetest)
                && j.Pulls.Any(p => p.Number == pull.Number && p.Sha == pull.HeadSha)))
            .Select(ContextRequirements.ContextOf)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    private void Record(string action, IReadOnlyList<PoolJob> started, string? error)
    {
        foreach (var job in started)
        {
            Pool.Jobs[job.Id] = job;
        }

        var targets = started.SelectMany(j => j.Pulls).Select(p => p.Number).Distinct().Order();
        AddHistory(action, Pool.BaseSha ?? "", [.. targets.Select(n => Pool.Pulls.TryGetValue(n, out var t) ? Summary(t.Pull) : new PoolPullSummary(n, "", "", "", "", []))], error);
    }

    /// <param name="targets">Taken before a merge removes them from the pool, so the record keeps their titles and heads.</param>
    private void AddHistory(string action, string baseSha, IReadOnlyList<PoolPullSummary> targets, string? error)
    {
        Pool.History.Insert(0, new TideHistoryRecord(time.GetUtcNow(), action, baseSha, targets, error));
        if (Pool.History.Count > MergePoolState.MaxHistory)
        {
            Pool.History.RemoveRange(MergePoolState.MaxHistory, Pool.History.Count - MergePoolState.MaxHistory);
        }
    }

    private MergePoolView CurrentView() =>
        Pool.LastView ?? new MergePoolView(_org, _repo, _branch, Pool.BaseSha ?? "", [], [], [], [], TideActions.Wait, [], Pool.Blockers, null, []);

    private MergePoolView View(PoolDecision decision)
    {
        List<PoolPullSummary> Of(IEnumerable<int> numbers) => [.. numbers.Where(Pool.Pulls.ContainsKey).Select(n => Summary(Pool.Pulls[n].Pull))];
        return new MergePoolView(_org, _repo, _branch, Pool.BaseSha ?? "", Of(decision.Successes), Of(decision.Pendings), Of(decision.Missings), Of(decision.BatchPending), decision.Action, Of(decision.Targets), Pool.Blockers, null,
            [.. (decision.Suspects ?? []).Select(g => Of(g.Select(p => p.Number)))]);
    }

    private static PoolPullSummary Summary(PoolPullRequest pull) => new(pull.Number, pull.Title, pull.Author, pull.HeadSha, pull.HeadRef, pull.Labels);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Merge pool {Pool} could not talk to GitHub: {Cause}; retrying ({Held} more such lines held back)")]
    private static partial void LogEvaluationFailed(ILogger logger, string pool, string cause, int held);

    [LoggerMessage(EventId = 7011, Level = LogLevel.Warning, Message = "Merge pool {Pool} could not trial-merge a batch, testing one at a time: {Error}")]
    private static partial void LogTrialMergeFailed(ILogger logger, string pool, string error);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Error, Message = "Merge commit template for {Org}/{Repo}#{Number} did not render, GitHub's default is used: {Error}")]
    private static partial void LogMergeTemplateFailed(ILogger logger, string org, string repo, int number, string error);
}
