using System.Text.Json;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Grains.Artifacts;
using Prow.Services.Artifacts;

namespace Prow.Grains.Tests.Artifacts;

public sealed class JobArtifactsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("prow-artifacts-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task StartedAndFinished_WriteProwsFilesAndLatestBuild()
    {
        var store = new LocalArtifactStore(_folder);
        var artifacts = new JobArtifacts(store);
        var job = Job(ProwJobType.Presubmit, pull: 7);
        var log = Path.Combine(_folder, "build-log.tmp");
        await File.WriteAllTextAsync(log, "hello from the job\n");

        await artifacts.WriteStartedAsync(job, DateTimeOffset.FromUnixTimeSeconds(1_800_000_000), CancellationToken.None);
        var done = job with { Status = job.Status with { State = ProwJobState.Failure, CompletionTime = DateTimeOffset.FromUnixTimeSeconds(1_800_000_060) } };
        await artifacts.WriteFinishedAsync(done, log, CancellationToken.None);

        var build = Path.Combine(_folder, "pr-logs/pull/org_repo/7/unit/1001");
        var started = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(build, "started.json"))).RootElement;
        Assert.Equal((1_800_000_000L, "7", "main:base,7:head"), (started.GetProperty("timestamp").GetInt64(), started.GetProperty("pull").GetString(), started.GetProperty("repos").GetProperty("org/repo").GetString()));
        var finished = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(build, "finished.json"))).RootElement;
        Assert.Equal((1_800_000_060L, false, "FAILURE", "head"), (finished.GetProperty("timestamp").GetInt64(), finished.GetProperty("passed").GetBoolean(), finished.GetProperty("result").GetString(), finished.GetProperty("revision").GetString()));
        Assert.Equal("failure", JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(build, "prowjob.json"))).RootElement.GetProperty("status").GetProperty("state").GetString());
        Assert.Equal("hello from the job\n", await File.ReadAllTextAsync(Path.Combine(build, "build-log.txt")));
        Assert.Equal("1001", await File.ReadAllTextAsync(Path.Combine(_folder, "pr-logs/pull/org_repo/7/unit/latest-build.txt")));
        Assert.Equal("1001", await File.ReadAllTextAsync(Path.Combine(_folder, "pr-logs/directory/unit/latest-build.txt")));
        Assert.Equal(["build-log.txt", "finished.json", "prowjob.json", "started.json"], await store.ListAsync("pr-logs/pull/org_repo/7/unit/1001", CancellationToken.None));
        Assert.False(File.Exists(Path.Combine(_folder, "pr-logs/directory/unit/1001.txt")), "a folder gets no alias, as Prow's local output gets none");
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("logs/../../outside")]
    public async Task LocalStore_RefusesPathsThatLeaveItsFolder(string path)
    {
        var store = new LocalArtifactStore(_folder);

        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync(path, new byte[] { 1 }, CancellationToken.None));
    }

    private static ProwJob Job(string type, int? pull = null) => new()
    {
        Metadata = new ProwJobMetadata { Name = "id-1" },
        Spec = new ProwJobSpec
        {
            Type = type,
            Job = "unit",
            Refs = new ProwJobRefs
            {
                Org = "org",
                Repo = "repo",
                BaseRef = "main",
                BaseSha = "base",
                Pulls = pull is { } n ? [new ProwJobPull { Number = n, Sha = "head", Author = "alice" }] : [],
            },
        },
        Status = new ProwJobStatus { BuildId = "1001", State = ProwJobState.Pending },
    };
}
