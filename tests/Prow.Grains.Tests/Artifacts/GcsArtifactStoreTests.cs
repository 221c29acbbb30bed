using System.Text;
using System.Text.Json;
using Prow.Clients.ObjectStorage;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Grains.Artifacts;
using Prow.Services.Artifacts;
using Prow.TestKit.ObjectStorage;

namespace Prow.Grains.Tests.Artifacts;

/// <summary>The GCS store through Google.Cloud.Storage.V1, authenticated with a service account key, against the fake JSON API.</summary>
public sealed class GcsArtifactStoreTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("prow-gcs-").FullName;
    private FakeGcsServer _gcs = null!;

    public async Task InitializeAsync()
    {
        _gcs = await FakeGcsServer.StartAsync();
        _gcs.CreateBucket("prow-artifacts");
        _gcs.CreateBucket("other-bucket");
    }

    public async Task DisposeAsync()
    {
        await _gcs.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task WriteReadList_GoThroughTheJsonApi_UnderThePrefix()
    {
        using var store = Store("gs://prow-artifacts/ci");
        var log = Path.Combine(_folder, "log.txt");
        await File.WriteAllTextAsync(log, "line 1\nline 2\n");

        await store.WriteAsync("logs/job/1/started.json", Encoding.UTF8.GetBytes("{}"), CancellationToken.None);
        await store.UploadFileAsync("logs/job/1/build-log.txt", log, CancellationToken.None);
        await store.WriteAsync("logs/job/1/artifacts/junit/report.xml", Encoding.UTF8.GetBytes("<testsuite/>"), CancellationToken.None);
        await store.WriteAsync("logs/job/1/empty.txt", ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        Assert.Equal("line 1\nline 2\n", Encoding.UTF8.GetString(_gcs.ObjectBytes("prow-artifacts", "ci/logs/job/1/build-log.txt")!));
        Assert.Equal("application/json", _gcs.ObjectContentType("prow-artifacts", "ci/logs/job/1/started.json"));
        Assert.Equal("<testsuite/>", Encoding.UTF8.GetString((await store.ReadAsync("logs/job/1/artifacts/junit/report.xml", CancellationToken.None))!));
        Assert.Empty((await store.ReadAsync("logs/job/1/empty.txt", CancellationToken.None))!);
        Assert.Null(await store.ReadAsync("logs/job/1/missing.txt", CancellationToken.None));
        Assert.Equal(["artifacts", "build-log.txt", "empty.txt", "started.json"], await store.ListAsync("logs/job/1", CancellationToken.None));
        Assert.Equal(["job"], await store.ListAsync("logs", CancellationToken.None));
        Assert.Empty(await store.ListAsync("logs/nothing", CancellationToken.None));
        Assert.Equal("gs://prow-artifacts/ci/logs/job/1", store.FullPath("logs/job/1"));
        Assert.Contains(_gcs.Calls, c => c.StartsWith("POST /token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_FollowsPages_AndFoldsFoldersWithTheDelimiter()
    {
        _gcs.PageSize = 2;
        using var store = Store("gs://prow-artifacts");
        foreach (var name in new[] { "a.txt", "b/1", "b/2", "b/3", "c.txt", "d/x/y", "e.txt" })
        {
            _gcs.PutObject("prow-artifacts", $"logs/job/9/{name}", "x");
        }

        Assert.Equal(["a.txt", "b", "c.txt", "d", "e.txt"], await store.ListAsync("logs/job/9/", CancellationToken.None));
        Assert.True(_gcs.Calls.Count(c => c.Contains("/o?", StringComparison.Ordinal) && c.StartsWith("GET /storage/v1/b/prow-artifacts/o", StringComparison.Ordinal)) >= 3, string.Join("\n", _gcs.Calls));
    }

    [Fact]
    public async Task ForBucket_SwitchesGcsBuckets_KeepsThePrefix_IgnoresOtherProviders()
    {
        using var store = Store("gs://prow-artifacts/ci");

        Assert.Same(store, store.ForBucket(null));
        Assert.Same(store, store.ForBucket("gs://prow-artifacts"));
        Assert.Same(store, store.ForBucket("s3://prow-artifacts"));
        await store.ForBucket("other-bucket").WriteAsync("logs/x.txt", Encoding.UTF8.GetBytes("bare"), CancellationToken.None);
        await store.ForBucket("gs://other-bucket/").WriteAsync("logs/y.txt", Encoding.UTF8.GetBytes("gs"), CancellationToken.None);

        Assert.Equal(["ci/logs/x.txt", "ci/logs/y.txt"], _gcs.Names("other-bucket"));
        Assert.Empty(_gcs.Names("prow-artifacts"));
    }

    [Fact]
    public async Task JobArtifacts_GoToTheJobsBucketAndPath_WithProwsAlias()
    {
        using var store = Store("gs://prow-artifacts");
        var artifacts = new JobArtifacts(store);
        var job = ArtifactLayoutTests.Job(
            ProwJobType.Presubmit,
            """{"bucket": "gs://other-bucket", "path_strategy": "legacy", "default_org": "org", "default_repo": "repo", "path_prefix": "pfx"}""",
            "org",
            "repo",
            pull: 7);
        await artifacts.WriteStartedAsync(job, DateTimeOffset.FromUnixTimeSeconds(1_800_000_000), CancellationToken.None);
        await artifacts.WriteFinishedAsync(job with { Status = job.Status with { State = ProwJobState.Success } }, null, CancellationToken.None);

        Assert.Equal(
            ["pfx/pr-logs/pull/7/unit/1001/finished.json", "pfx/pr-logs/pull/7/unit/1001/prowjob.json", "pfx/pr-logs/pull/7/unit/1001/started.json", "pr-logs/directory/unit/1001.txt", "pr-logs/directory/unit/latest-build.txt", "pr-logs/pull/7/unit/latest-build.txt"],
            _gcs.Names("other-bucket"));
        Assert.Equal("gs://other-bucket/pfx/pr-logs/pull/7/unit/1001", Encoding.UTF8.GetString(_gcs.ObjectBytes("other-bucket", "pr-logs/directory/unit/1001.txt")!));
        Assert.Empty(_gcs.Names("prow-artifacts"));
        var finished = JsonDocument.Parse(_gcs.ObjectBytes("other-bucket", "pfx/pr-logs/pull/7/unit/1001/finished.json")).RootElement;
        Assert.Equal("SUCCESS", finished.GetProperty("result").GetString());
    }

    [Fact]
    public async Task ATokenNotIssuedByTheServer_IsRefused()
    {
        var foreign = Path.Combine(_folder, "foreign.json");
        await using (var other = await FakeGcsServer.StartAsync())
        {
            other.WriteServiceAccountKey(foreign);
        }

        // A key the server did not write: its token endpoint (now closed) belongs to another server.
        using var store = new GcsArtifactStore(GcsClientFactory.Create(foreign, _gcs.BaseAddress), GcsPath.Parse("gs://prow-artifacts"));
        await Assert.ThrowsAnyAsync<Exception>(() => store.WriteAsync("x.txt", Encoding.UTF8.GetBytes("x"), CancellationToken.None));
        Assert.Empty(_gcs.Names("prow-artifacts"));
    }

    [Theory]
    [InlineData("""{"type": "authorized_user", "client_id": "a", "client_secret": "b", "refresh_token": "c"}""")]
    [InlineData("not json")]
    public async Task AFileThatIsNotAServiceAccountKey_IsAFormatErrorNamingIt(string content)
    {
        var file = Path.Combine(_folder, "bad.json");
        await File.WriteAllTextAsync(file, content);

        var error = Assert.Throws<FormatException>(() => GcsClientFactory.Create(file, _gcs.BaseAddress));
        Assert.Contains(file, error.Message, StringComparison.Ordinal);
    }

    private GcsArtifactStore Store(string location) =>
        new(GcsClientFactory.Create(_gcs.WriteServiceAccountKey(Path.Combine(_folder, "key.json")), _gcs.BaseAddress), GcsPath.Parse(location));
}
