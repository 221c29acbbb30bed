namespace Prow.Grains.ProwJobs;

/// <summary>A job asked for by name cannot start: unknown name, missing or wrong refs, a bad override. The message says which.</summary>
public sealed class JobStartException(string message) : Exception(message);
