namespace Prow.Grains.BuildClusters.Local;

/// <summary>One git invocation of the clone: its exit status and its combined output for the clone log.</summary>
internal sealed record GitCommandResult(int ExitCode, string Output);
