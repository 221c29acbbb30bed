using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Prow.Services.Artifacts;

namespace Prow.Grains.Artifacts;

/// <summary>Writes what Prow's initupload and sidecar write: started.json, finished.json, prowjob.json, the build log, latest-build.txt.</summary>
public sealed class JobArtifacts(IArtifactStore root)
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public Task WriteStartedAsync(ProwJob job, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var refs = job.Spec.MainRefs;
        var started = new Started(
            startedAt.ToUnixTimeSeconds(),
            Environment.MachineName,
            refs is { Pulls: [var pull, ..] } ? pull.Number.ToString(CultureInfo.InvariantCulture) : null,
            refs is null ? null : new Dictionary<string, string> { [$"{refs.Org}/{refs.Repo}"] = refs.ToString() },
            refs is { Pulls: [var head, ..] } ? head.Sha : refs?.BaseSha);
        return WriteJsonAsync(ArtifactLayout.StoreFor(root, job), $"{ArtifactLayout.BuildFolder(job)}/started.json", started, cancellationToken);
    }

    /// <summary>
    /// finished.json, prowjob.json, the log, a presubmit's alias, and latest-build.txt last (readers trust it to point
    /// at a complete build), in the bucket and under the path the job's gcs_configuration gives.
    /// </summary>
    public async Task WriteFinishedAsync(ProwJob job, string? buildLogFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var store = ArtifactLayout.StoreFor(root, job);
        var folder = ArtifactLayout.BuildFolder(job);
        if (buildLogFile is not null && File.Exists(buildLogFile))
        {
            await store.UploadFileAsync($"{folder}/build-log.txt", buildLogFile, cancellationToken);
        }

        var state = job.Status.State;
        var finished = new Finished(
            (job.Status.CompletionTime ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds(),
            state == ProwJobState.Success,
            state.ToUpperInvariant(),
            job.Spec.MainRefs is { Pulls: [var pull, ..] } ? pull.Sha : job.Spec.MainRefs?.BaseSha);
        await WriteJsonAsync(store, $"{folder}/finished.json", finished, cancellationToken);
        await WriteJsonAsync(store, $"{folder}/prowjob.json", job, cancellationToken);
        if (ArtifactLayout.AliasPath(job) is { } alias && store.FullPath(folder) is { } address)
        {
            await store.WriteAsync(alias, Encoding.UTF8.GetBytes(address), cancellationToken);
        }

        var latest = Encoding.UTF8.GetBytes(job.Status.BuildId!);
        foreach (var path in ArtifactLayout.LatestBuildPaths(job))
        {
            await store.WriteAsync(path, latest, cancellationToken);
        }
    }

    private static Task WriteJsonAsync<T>(IArtifactStore store, string path, T value, CancellationToken cancellationToken) =>
        store.WriteAsync(path, JsonSerializer.SerializeToUtf8Bytes(value, s_json), cancellationToken);

    private sealed record Started(
        [property: JsonPropertyName("timestamp")] long Timestamp,
        [property: JsonPropertyName("node")] string Node,
        [property: JsonPropertyName("pull")] string? Pull,
        [property: JsonPropertyName("repos")] IReadOnlyDictionary<string, string>? Repos,
        [property: JsonPropertyName("repo-version")] string? RepoVersion);

    private sealed record Finished(
        [property: JsonPropertyName("timestamp")] long Timestamp,
        [property: JsonPropertyName("passed")] bool Passed,
        [property: JsonPropertyName("result")] string Result,
        [property: JsonPropertyName("revision")] string? Revision);
}
