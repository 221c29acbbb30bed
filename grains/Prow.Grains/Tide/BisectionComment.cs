namespace Prow.Grains.Tide;

/// <summary>What bisection tells the pull request it found failing alone after a batch holding it failed.</summary>
public static class BisectionComment
{
    public static string For(BisectionCulprit culprit)
    {
        ArgumentNullException.ThrowIfNull(culprit);
        var jobs = string.Join(", ", culprit.FailedJobs.Select(j => $"`{j}`"));
        return $"""
            Tide tested this pull request alone at {culprit.Pull.Sha} after a batch holding it failed, and it failed {(culprit.FailedJobs.Count == 1 ? "job" : "jobs")} {jobs}: it is what broke the batch. The other pull requests of that batch are tested and merged without it.

            It leaves the merge pool until those jobs pass on it (after a fix is pushed, or `/retest`).
            """;
    }
}
