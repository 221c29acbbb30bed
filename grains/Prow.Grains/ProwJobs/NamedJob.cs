using Prow.Config.Jobs;

namespace Prow.Grains.ProwJobs;

/// <summary>A job of the configuration found by its name, with its kind and, for presubmits and postsubmits, its repository.</summary>
public sealed record NamedJob(string Type, JobBase Job, string? Org, string? Repo);
