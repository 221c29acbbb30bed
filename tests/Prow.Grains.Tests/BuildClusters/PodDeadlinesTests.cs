using System.Text.Json;
using Prow.Clients.Kubernetes.Models;
using Prow.Config.Components;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Grains.BuildClusters.Kubernetes;

namespace Prow.Grains.Tests.BuildClusters;

public sealed class PodDeadlinesTests
{
    private static readonly DateTimeOffset s_created = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Defaults_AreProws_AndTheJobsDecorationConfigWins()
    {
        Assert.Equal(new PodDeadlines(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5), TimeSpan.FromHours(48)), PodDeadlines.For(Job(null), new PlankConfig()));

        var job = Job("""{"pod_unscheduled_timeout":"14m","pod_running_timeout":"3h"}""");
        Assert.Equal(new PodDeadlines(TimeSpan.FromMinutes(7), TimeSpan.FromMinutes(14), TimeSpan.FromHours(3)), PodDeadlines.For(job, new PlankConfig { PodPendingTimeout = TimeSpan.FromMinutes(7) }));
    }

    [Theory]
    [InlineData("Pending", null, 299, null)]
    [InlineData("Pending", null, 300, "error:Pod scheduling timeout.")]
    [InlineData("Pending", 0, 599, null)]
    [InlineData("Pending", 60, 660, "error:Pod pending timeout.")]
    [InlineData("Running", 0, 48 * 3600 - 1, null)]
    [InlineData("Running", 0, 48 * 3600, "aborted:Pod running timeout.")]
    [InlineData("Succeeded", 0, 99 * 3600, null)]
    public void Overdue_CountsUnscheduledFromCreation_PendingAndRunningFromStart(string phase, int? startedAfter, int now, string? expected)
    {
        var deadlines = PodDeadlines.For(Job(null), new PlankConfig());
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = "p", CreationTimestamp = s_created },
            Status = new PodStatus { Phase = phase, StartTime = startedAfter is { } s ? s_created.AddSeconds(s) : null },
        };

        var overdue = deadlines.Overdue(pod, s_created, s_created.AddSeconds(now));

        Assert.Equal(expected, overdue is null ? null : $"{overdue.State}:{overdue.Description}");
    }

    private static ProwJob Job(string? decoration) => new()
    {
        Spec = new ProwJobSpec { Job = "unit", DecorationConfig = decoration is null ? null : JsonDocument.Parse(decoration).RootElement },
    };
}
