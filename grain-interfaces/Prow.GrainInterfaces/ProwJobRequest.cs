using Orleans;

namespace Prow.GrainInterfaces;

/// <summary>
/// A request to run one job, as the trigger decided it: the pull request grain makes a ProwJob of it and keeps the
/// newest requests in its state, where its view shows them.
/// </summary>
/// <param name="Type">presubmit, postsubmit, periodic or batch.</param>
/// <param name="Reason">What asked for it: "opened", "/test unit", "/retest", "/ok-to-test", ...</param>
/// <param name="Outcome">Set when the job is to be created already finished instead of run (an override).</param>
[GenerateSerializer, Immutable]
public sealed record ProwJobRequest(
    string Job,
    string Type,
    string Context,
    string Org,
    string Repo,
    string BaseRef,
    string? BaseSha,
    int? PullNumber,
    string? PullSha,
    string? PullAuthor,
    string RequestedBy,
    string Reason,
    DateTimeOffset RequestedAt,
    ProwJobOutcome? Outcome = null);
