using Prow.Config.Jobs;

namespace Prow.Config;

/// <summary>Jobs read from a repository's .prow.yaml or .prow/ folder, after defaults and validation.</summary>
public sealed record InRepoConfigResult(
    IReadOnlyList<Presubmit> Presubmits,
    IReadOnlyList<Postsubmit> Postsubmits,
    IReadOnlyList<ConfigProblem> Problems)
{
    public bool Succeeded => !Problems.Any(p => p.Severity == ProblemSeverity.Error);
}
