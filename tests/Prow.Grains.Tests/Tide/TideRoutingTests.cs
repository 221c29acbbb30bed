using Prow.GrainInterfaces.ProwJobs;
using Prow.Grains.Tide;

namespace Prow.Grains.Tests.Tide;

public sealed class TideRoutingTests
{
    [Theory]
    [InlineData("passing with the skip-retest mark (/override-sticky)", ProwJobState.Success, "Overridden by boss [prow:skip-retest] BaseSHA:b1", true)]
    [InlineData("passing without it (/override)", ProwJobState.Success, "Overridden by boss BaseSHA:b1", false)]
    [InlineData("the mark on a job that did not pass", ProwJobState.Failure, "Override cancelled [prow:skip-retest]", false)]
    public void JobFor_ReadsProwsSkipRetestMark(string name, string state, string description, bool skipRetest)
    {
        Assert.NotEmpty(name);
        var job = new ProwJob
        {
            Metadata = new ProwJobMetadata { Name = "j1" },
            Spec = new ProwJobSpec
            {
                Job = "unit",
                Type = ProwJobType.Presubmit,
                Context = "unit",
                Refs = new ProwJobRefs { Org = "org", Repo = "repo", BaseRef = "main", BaseSha = "b1", Pulls = [new ProwJobPull { Number = 1, Sha = "h1" }] },
            },
            Status = new ProwJobStatus { State = state, Description = description },
        };

        var poolJob = TideRouting.JobFor(job)!;

        Assert.Equal((state, "b1", skipRetest), (poolJob.State, poolJob.BaseSha, poolJob.SkipRetest));
    }
}
