using System.Net;
using Prow.Silo.Cli;
using Prow.TestKit.ObjectStorage;

namespace Prow.Silo.Tests;

/// <summary>
/// <c>prow import-history</c>: runs another Prow left in its GCS bucket (Prow's layout and files) go into the job
/// index, and the status site lists them, shows their logs and answers Prow's links to them.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class ImportHistoryTests
{
    private const string Bucket = "kubernetes-jenkins";

    [Fact]
    public async Task ImportHistory_ReadsProwsRunsIntoTheIndex_AndTheSiteShowsThemWithTheirLogs()
    {
        using var scratch = new TempFolder();
        await using var gcs = await FakeGcsServer.StartAsync();
        gcs.CreateBucket(Bucket);
        var key = gcs.WriteServiceAccountKey(Path.Combine(scratch.Path, "key.json"));
        // A presubmit in the legacy layout (the default repository has no path segment), finished.
        PutRun(gcs, "pr-logs/pull/7/pull-unit/1001", ProwJobJson("b1d3c7a0-0000-4000-8000-000000000001", "pull-unit", "presubmit", "success", "2026-11-02T10:00:00Z", "2026-11-02T10:05:00Z", "1001", pull: 7), "SUCCESS", "unit tests passed for PR 7");
        gcs.PutObject(Bucket, "pr-logs/directory/pull-unit/latest-build.txt", "1001");
        gcs.PutObject(Bucket, "pr-logs/directory/pull-unit/1001.txt", $"gs://{Bucket}/pr-logs/pull/7/pull-unit/1001");
        // A periodic whose prowjob.json was written while it ran: finished.json says how it ended.
        PutRun(gcs, "logs/ci-periodic/2002", ProwJobJson("b1d3c7a0-0000-4000-8000-000000000002", "ci-periodic", "periodic", "pending", "2026-11-03T00:00:00Z", null, "2002"), "FAILURE", "periodic failed\n");
        gcs.PutObject(Bucket, "logs/ci-periodic/latest-build.txt", "2002");
        // Left out: a run before --since, and an old run without prowjob.json.
        PutRun(gcs, "logs/ci-periodic/1000", ProwJobJson("b1d3c7a0-0000-4000-8000-000000000003", "ci-periodic", "periodic", "success", "2020-01-01T00:00:00Z", "2020-01-01T00:01:00Z", "1000"), "SUCCESS", "ancient");
        gcs.PutObject(Bucket, "logs/ci-ancient/5/started.json", """{"timestamp": 1500000000}""");
        gcs.PutObject(Bucket, "logs/ci-ancient/5/finished.json", """{"timestamp": 1500000100, "result": "SUCCESS"}""");

        var database = Path.Combine(scratch.Path, "prow.db");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ProwCommandLine.InvokeAsync(
            ["import-history", "--artifacts", $"gs://{Bucket}", "--gcs-credentials-file", key, "--gcs-endpoint", gcs.BaseAddress.ToString(), "--storage", $"sqlite:{database}", "--since", "2026-01-01"],
            output,
            error);

        Assert.True(exit == 0, error.ToString());
        Assert.Contains($"imported 2 runs from gs://{Bucket} into {database}; left out: 1 older than --since, 1 without prowjob.json, 0 unreadable", output.ToString(), StringComparison.Ordinal);

        await using var prow = await InProcessProw.StartAsync(scratch.Path, o => o with { Artifacts = $"gs://{Bucket}", GcsCredentialsFile = key, GcsEndpoint = gcs.BaseAddress });
        var list = await prow.Client.GetStringAsync("/");
        Assert.Contains("pull-unit", list, StringComparison.Ordinal);
        Assert.Contains("ci-periodic", list, StringComparison.Ordinal);
        Assert.DoesNotContain("ci-ancient", list, StringComparison.Ordinal);

        var presubmit = await prow.Client.GetStringAsync("/view/b1d3c7a0-0000-4000-8000-000000000001");
        Assert.Contains("unit tests passed for PR 7", presubmit, StringComparison.Ordinal);
        var periodic = await prow.Client.GetStringAsync("/prowjob?prowjob=b1d3c7a0-0000-4000-8000-000000000002");
        Assert.Contains("\"state\":\"failure\"", periodic, StringComparison.Ordinal);
        Assert.Contains("periodic failed", await prow.Client.GetStringAsync("/artifact?prowjob=b1d3c7a0-0000-4000-8000-000000000002&name=build-log.txt"), StringComparison.Ordinal);

        // Prow's own link to the run (job_url_prefix_config + gs/bucket/path) lands on the same page.
        using var linked = await prow.Client.GetAsync($"/view/gs/{Bucket}/pr-logs/pull/7/pull-unit/1001");
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.EndsWith("/view/b1d3c7a0-0000-4000-8000-000000000001", linked.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportHistory_IntoMemoryStorage_IsRefused()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await ProwCommandLine.InvokeAsync(["import-history", "--artifacts", "./nowhere", "--storage", "memory:"], output, error);

        Assert.Equal(1, exit);
        Assert.Contains("import-history writes the job index of a --storage sqlite:PATH", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportHistory_BadSince_IsAUsageError()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await ProwCommandLine.InvokeAsync(["import-history", "--artifacts", "gs://b", "--since", "last tuesday"], output, error);

        Assert.Equal(2, exit);
        Assert.Contains("--since: 'last tuesday' is not a date", error.ToString(), StringComparison.Ordinal);
    }

    private static void PutRun(FakeGcsServer gcs, string folder, string prowJob, string result, string log)
    {
        gcs.PutObject(Bucket, $"{folder}/prowjob.json", prowJob);
        gcs.PutObject(Bucket, $"{folder}/started.json", """{"timestamp": 1793613600, "pull": "7", "repos": {"kubernetes/kubernetes": "master:abc,7:def"}}""");
        gcs.PutObject(Bucket, $"{folder}/finished.json", $$"""{"timestamp": 1793613900, "passed": {{(result == "SUCCESS" ? "true" : "false")}}, "result": "{{result}}", "revision": "def"}""");
        gcs.PutObject(Bucket, $"{folder}/build-log.txt", log);
    }

    /// <summary>A ProwJob as Prow's crier writes it to prowjob.json, with fields this build does not model.</summary>
    private static string ProwJobJson(string id, string job, string type, string state, string start, string? completion, string build, int? pull = null)
    {
        var refs = pull is { } n
            ? "\"refs\": {\"org\": \"kubernetes\", \"repo\": \"kubernetes\", \"repo_link\": \"https://github.com/kubernetes/kubernetes\", \"base_ref\": \"master\", \"base_sha\": \"abc\", "
              + $"\"pulls\": [{{\"number\": {n}, \"author\": \"alice\", \"sha\": \"def\", \"title\": \"A change\", \"link\": \"https://github.com/kubernetes/kubernetes/pull/{n}\"}}]}},"
            : "";
        var completed = completion is null ? "" : $"\"completionTime\": \"{completion}\",";
        return $$"""
            {
              "kind": "ProwJob",
              "apiVersion": "prow.k8s.io/v1",
              "metadata": {
                "name": "{{id}}",
                "namespace": "default",
                "uid": "0a1b2c3d",
                "resourceVersion": "123456",
                "generation": 5,
                "creationTimestamp": "{{start}}",
                "labels": {"created-by-prow": "true", "prow.k8s.io/job": "{{job}}", "prow.k8s.io/type": "{{type}}"},
                "annotations": {"prow.k8s.io/job": "{{job}}"}
              },
              "spec": {
                "type": "{{type}}",
                "agent": "kubernetes",
                "cluster": "default",
                "namespace": "test-pods",
                "job": "{{job}}",
                {{refs}}
                "report": true,
                "context": "{{job}}",
                "rerun_command": "/test {{job}}",
                "pod_spec": {"containers": [{"name": "", "image": "gcr.io/k8s-staging-test-infra/kubekins-e2e:latest", "command": ["make", "test"], "resources": {} } ] },
                "decoration_config": {
                  "timeout": "2h0m0s",
                  "grace_period": "15m0s",
                  "utility_images": {"clonerefs": "gcr.io/k8s-prow/clonerefs:v1", "initupload": "gcr.io/k8s-prow/initupload:v1", "entrypoint": "gcr.io/k8s-prow/entrypoint:v1", "sidecar": "gcr.io/k8s-prow/sidecar:v1"},
                  "gcs_configuration": {"bucket": "{{Bucket}}", "path_strategy": "legacy", "default_org": "kubernetes", "default_repo": "kubernetes"},
                  "gcs_credentials_secret": "service-account"
                },
                "prowjob_defaults": {"tenant_id": "GlobalDefaultID"}
              },
              "status": {
                "startTime": "{{start}}",
                "pendingTime": "{{start}}",
                {{completed}}
                "state": "{{state}}",
                "description": "Job {{state}}.",
                "url": "https://prow.k8s.io/view/gs/{{Bucket}}/logs/{{job}}/{{build}}",
                "pod_name": "{{id}}",
                "build_id": "{{build}}",
                "prev_report_states": {"gcsk8sreporter": "{{state}}", "gcsreporter": "{{state}}"}
              }
            }
            """;
    }
}
