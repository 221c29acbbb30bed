namespace Prow.Config;

/// <summary>How serious a configuration problem is.</summary>
public enum ProblemSeverity
{
    Warning,
    Error,
}
