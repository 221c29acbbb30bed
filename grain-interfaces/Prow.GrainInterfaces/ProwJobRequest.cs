using Orleans;

namespace Prow.GrainInterfaces;

/// <summary>
/// A request to run one job, as the trigger decided it. The jobs issue turns these into ProwJobs; until then the
/// pull request grain records them.
/// </summary>
/// <param name="Type">presubmit, postsubmit, periodic or batch.</param>
/// <param name="Reason">What asked for it: "opened", "/test unit", "/retest", "/ok-to-test", ...</param>
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
    DateTimeOffset RequestedAt);
