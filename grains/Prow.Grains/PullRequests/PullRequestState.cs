using Prow.Grains.Webhooks;

namespace Prow.Grains.PullRequests;

public sealed record PullRequestState
{
    /// <summary>How many job requests the pull request's state keeps for its view (newest last); older ones are dropped.</summary>
    public const int RememberedJobRequests = 200;

    public DeliveryLog Deliveries { get; init; } = new();

    public string? HeadSha { get; init; }

    public string? BaseRef { get; init; }

    public string? Author { get; init; }

    public bool Draft { get; init; }

    public List<ProwJobRequest> RequestedJobs { get; init; } = [];

    /// <summary>ProwJobs started for this pull request that had not finished when last looked at.</summary>
    public List<TrackedJob> ActiveJobs { get; init; } = [];
}

/// <param name="Job">The job's name.</param>
/// <param name="Sha">The head commit it tests.</param>
public sealed record TrackedJob(string Id, string Job, string? Sha);
