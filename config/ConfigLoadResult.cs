namespace Prow.Config;

/// <summary>The outcome of a load: a snapshot when there are no errors, and every problem found.</summary>
public sealed record ConfigLoadResult(ConfigSnapshot? Snapshot, IReadOnlyList<ConfigProblem> Problems)
{
    public bool Succeeded => Snapshot is not null;

    public IEnumerable<ConfigProblem> Errors => Problems.Where(p => p.Severity == ProblemSeverity.Error);

    public IEnumerable<ConfigProblem> Warnings => Problems.Where(p => p.Severity == ProblemSeverity.Warning);
}
