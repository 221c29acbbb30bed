using System.Text.Json;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Services.Artifacts;

namespace Prow.Grains.Tests.Artifacts;

/// <summary>Prow's paths (pod-utils' gcs targets, gcsupload's PathsForJob) for each job type and path strategy.</summary>
public sealed class ArtifactLayoutTests
{
    [Theory]
    [InlineData("no gcs_configuration: explicit", null, "org", "repo", "pr-logs/pull/org_repo/7/unit/1001")]
    [InlineData("explicit names the default repo too", """{"path_strategy": "explicit", "default_org": "org", "default_repo": "repo"}""", "org", "repo", "pr-logs/pull/org_repo/7/unit/1001")]
    [InlineData("legacy: the default repo has no segment", """{"path_strategy": "legacy", "default_org": "org", "default_repo": "repo"}""", "org", "repo", "pr-logs/pull/7/unit/1001")]
    [InlineData("legacy: another repo of the default org is its name", """{"path_strategy": "legacy", "default_org": "org", "default_repo": "repo"}""", "org", "other", "pr-logs/pull/other/7/unit/1001")]
    [InlineData("legacy: another org is org_repo", """{"path_strategy": "legacy", "default_org": "org", "default_repo": "repo"}""", "elsewhere", "repo", "pr-logs/pull/elsewhere_repo/7/unit/1001")]
    [InlineData("single: the default repo has no segment", """{"path_strategy": "single", "default_org": "org", "default_repo": "repo"}""", "org", "repo", "pr-logs/pull/7/unit/1001")]
    [InlineData("single: every other repo is org_repo", """{"path_strategy": "single", "default_org": "org", "default_repo": "repo"}""", "org", "other", "pr-logs/pull/org_other/7/unit/1001")]
    [InlineData("path_prefix goes first", """{"path_strategy": "explicit", "path_prefix": "/prefix/deeper/"}""", "org", "repo", "prefix/deeper/pr-logs/pull/org_repo/7/unit/1001")]
    [InlineData("a repo with a slash (Gerrit) is joined with _", """{"path_strategy": "explicit"}""", "org", "a/b", "pr-logs/pull/org_a_b/7/unit/1001")]
    public void PresubmitBuildFolder_FollowsThePathStrategy(string name, string? gcs, string org, string repo, string expected)
    {
        Assert.NotNull(name);
        Assert.Equal(expected, ArtifactLayout.BuildFolder(Job(ProwJobType.Presubmit, gcs, org, repo, pull: 7)));
    }

    [Theory]
    [InlineData(ProwJobType.Postsubmit, "logs/unit/1001")]
    [InlineData(ProwJobType.Periodic, "logs/unit/1001")]
    [InlineData(ProwJobType.Batch, "pr-logs/pull/batch/unit/1001")]
    public void OtherJobs_DoNotDependOnTheRepository(string type, string expected)
    {
        const string Legacy = """{"path_strategy": "legacy", "default_org": "org", "default_repo": "repo"}""";
        Assert.Equal(expected, ArtifactLayout.BuildFolder(Job(type, Legacy, "elsewhere", "repo")));
        Assert.Equal("p/" + expected, ArtifactLayout.BuildFolder(Job(type, """{"path_strategy": "explicit", "path_prefix": "p"}""", "org", "repo")));
    }

    [Fact]
    public void LatestBuildAndAlias_SitAtTheBucketRoot_WithoutThePathPrefix()
    {
        var presubmit = Job(ProwJobType.Presubmit, """{"path_strategy": "legacy", "default_org": "org", "default_repo": "repo", "path_prefix": "p"}""", "org", "other", pull: 7);
        Assert.Equal(["pr-logs/directory/unit/latest-build.txt", "pr-logs/pull/other/7/unit/latest-build.txt"], ArtifactLayout.LatestBuildPaths(presubmit));
        Assert.Equal("pr-logs/directory/unit/1001.txt", ArtifactLayout.AliasPath(presubmit));

        var batch = Job(ProwJobType.Batch, null, "org", "repo");
        Assert.Equal(["pr-logs/directory/unit/latest-build.txt"], ArtifactLayout.LatestBuildPaths(batch));
        Assert.Null(ArtifactLayout.AliasPath(batch));

        var periodic = Job(ProwJobType.Periodic, """{"path_prefix": "p"}""", "org", "repo");
        Assert.Equal(["logs/unit/latest-build.txt"], ArtifactLayout.LatestBuildPaths(periodic));
        Assert.Null(ArtifactLayout.AliasPath(periodic));
    }

    [Theory]
    [InlineData("gs://kubernetes-jenkins", "gs", "kubernetes-jenkins")]
    [InlineData("kubernetes-jenkins", "gs", "kubernetes-jenkins")]
    [InlineData("s3://prow-logs/", "s3", "prow-logs")]
    public void Bucket_NamesItsProvider_BareNamesAreGcs(string bucket, string provider, string name)
    {
        var gcs = GcsConfiguration.Of(Job(ProwJobType.Periodic, $$"""{"bucket": "{{bucket}}"}""", "org", "repo"));
        Assert.Equal((provider, name), (gcs.Provider, gcs.BucketName));
    }

    internal static ProwJob Job(string type, string? gcs, string org, string repo, int? pull = null) => new()
    {
        Metadata = new ProwJobMetadata { Name = "id-1" },
        Spec = new ProwJobSpec
        {
            Type = type,
            Job = "unit",
            Refs = new ProwJobRefs
            {
                Org = org,
                Repo = repo,
                BaseRef = "main",
                BaseSha = "base",
                Pulls = pull is { } n ? [new ProwJobPull { Number = n, Sha = "head", Author = "alice" }] : [],
            },
            DecorationConfig = gcs is null ? null : JsonDocument.Parse($$"""{"gcs_configuration": {{gcs}}}""").RootElement.Clone(),
        },
        Status = new ProwJobStatus { BuildId = "1001", State = ProwJobState.Pending },
    };
}
