namespace Prow.GoTemplates.Execution;

/// <summary>An error while executing, before the executor adds where it happened.</summary>
internal sealed class ExecutionError(string message) : Exception(message);
