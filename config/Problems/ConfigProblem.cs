namespace Prow.Config;

/// <summary>One problem found while loading configuration, pointing at a file and 1-based line.</summary>
public sealed record ConfigProblem(string File, int Line, string Field, string Message, ProblemSeverity Severity)
{
    public override string ToString() => $"{File}:{Line}: {Field}: {Message}";
}
