using Orleans;

namespace Prow.GrainInterfaces.Tide;

/// <summary>A presubmit or batch ProwJob as tide sees it: which job, at which base, over which pull request heads.</summary>
/// <param name="State">The ProwJob state: triggered, pending, success, failure, aborted, error.</param>
/// <param name="CreatedByTide">Tide started it (a retest or a batch), rather than the trigger plugin.</param>
/// <param name="SkipRetest">A passing job carrying Prow's skip-retest mark (<c>/override-sticky</c>): it stands for its
/// pull request's head at any base, so tide does not test it again when the base moves.</param>
[GenerateSerializer, Immutable]
public sealed record PoolJob(
    string Id,
    string Job,
    string Context,
    string Type,
    string BaseSha,
    IReadOnlyList<PoolJobPull> Pulls,
    string State,
    bool CreatedByTide,
    bool SkipRetest = false)
{
    public bool Complete => State is "success" or "failure" or "aborted" or "error";
}

[GenerateSerializer, Immutable]
public sealed record PoolJobPull(int Number, string Sha);
