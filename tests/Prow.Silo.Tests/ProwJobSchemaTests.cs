using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Services.JobIndex;
using Prow.TestKit;

namespace Prow.Silo.Tests;

/// <summary>What <c>/prowjob</c> serves is a ProwJob Kubernetes would take: it passes Prow's own CRD schema.</summary>
public sealed class ProwJobSchemaTests
{
    [Fact]
    public async Task ServedPeriodic_FromTheSampleConfig_PassesProwsCrdSchema()
    {
        using var folder = new TempFolder();
        await using var prow = await InProcessProw.StartAsync(folder.Path, o => o with
        {
            ConfigPath = Path.Combine(RepositoryRoot.Examples, "config.yaml"),
            JobConfigPath = Path.Combine(RepositoryRoot.Examples, "jobs"),
        });
        var index = prow.Services.GetRequiredService<IProwJobIndex>();
        string? id = null;
        await Poll.UntilAsync(async () => (id = (await index.QueryAsync(new ProwJobQuery { Job = "nightly-health" }, CancellationToken.None)).Jobs is [var first, ..] ? first.Id : null) is not null);

        var served = await prow.Client.GetFromJsonAsync<JsonElement>($"/prowjob?prowjob={id}");

        Assert.Empty(ProwJobCrdSchema.Violations(served));
        Assert.False(served.GetProperty("spec").TryGetProperty("rerun_command", out _), "Prow's omitempty leaves an empty rerun_command out");
    }

    [Theory]
    [InlineData(ProwJobType.Periodic)]
    [InlineData(ProwJobType.Presubmit)]
    public async Task ServedProwJob_MadeByHand_PassesProwsCrdSchema(string type)
    {
        using var folder = new TempFolder();
        await using var prow = await InProcessProw.StartAsync(folder.Path);
        var now = DateTimeOffset.UtcNow;
        var job = new ProwJob
        {
            Metadata = new ProwJobMetadata { Name = Guid.NewGuid().ToString(), CreationTimestamp = now, Labels = new Dictionary<string, string> { ["prow.k8s.io/job"] = "schema-job" } },
            Spec = new ProwJobSpec
            {
                Type = type,
                Cluster = "nowhere",
                Job = "schema-job",
                Refs = type == ProwJobType.Periodic ? null : new ProwJobRefs
                {
                    Org = "acme",
                    Repo = "widgets",
                    BaseRef = "main",
                    BaseSha = "base000",
                    Pulls = [new ProwJobPull { Number = 7, Author = "alice", Sha = "abc1234" }],
                },
                PodSpec = JsonSerializer.SerializeToElement(new { containers = new[] { new { name = "test", image = "alpine", command = new[] { "true" } } } }),
            },
            Status = new ProwJobStatus { StartTime = now, State = ProwJobState.Triggered, Description = "Job triggered." },
        };
        await prow.Grains.GetGrain<IProwJobGrain>(job.Id).CreateAsync(job);

        var served = await prow.Client.GetFromJsonAsync<JsonElement>($"/prowjob?prowjob={job.Id}");

        Assert.Empty(ProwJobCrdSchema.Violations(served));
        Assert.False(served.GetProperty("spec").TryGetProperty("rerun_command", out _), "Prow's omitempty leaves an empty rerun_command out");
    }

    [Fact]
    public void CrdSchema_RefusesANullRerunCommand()
    {
        var job = JsonDocument.Parse("""{"apiVersion":"prow.k8s.io/v1","kind":"ProwJob","metadata":{"name":"x"},"spec":{"type":"periodic","job":"j","rerun_command":null},"status":{"state":"triggered","startTime":"2026-01-01T00:00:00Z"}}""").RootElement;

        Assert.Contains(ProwJobCrdSchema.Violations(job), v => v.StartsWith("/spec/rerun_command", StringComparison.Ordinal));
    }
}
