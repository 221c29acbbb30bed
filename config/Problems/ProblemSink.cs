namespace Prow.Config;

/// <summary>Collects problems during one load; in strict mode unknown fields become errors.</summary>
public sealed class ProblemSink(bool strict)
{
    private readonly List<ConfigProblem> _problems = [];

    public bool Strict { get; } = strict;

    public IReadOnlyList<ConfigProblem> Problems => _problems;

    public bool HasErrors => _problems.Exists(p => p.Severity == ProblemSeverity.Error);

    public void Error(string file, int line, string field, string message) =>
        _problems.Add(new ConfigProblem(file, line, field, message, ProblemSeverity.Error));

    public void Warning(string file, int line, string field, string message) =>
        _problems.Add(new ConfigProblem(file, line, field, message, ProblemSeverity.Warning));

    /// <summary>Unknown fields warn, except under strict checking where Prow rejects them.</summary>
    public void UnknownField(string file, int line, string field) =>
        _problems.Add(new ConfigProblem(file, line, field, "unknown field",
            Strict ? ProblemSeverity.Error : ProblemSeverity.Warning));
}
