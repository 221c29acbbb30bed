using System.Globalization;
using System.Text.Json;
using Prow.Services.Artifacts;
using Prow.Services.JobIndex;

namespace Prow.Services.History;

/// <summary>
/// Reads the runs an existing Prow left in its bucket into the job index: every build folder under <c>logs/</c>
/// and <c>pr-logs/pull/</c> that holds a <c>prowjob.json</c> (crier's blob-storage reporter writes one for every
/// job), completed from <c>finished.json</c> when the ProwJob was stored before its end. Runs that started before
/// <c>since</c> are left out. Folders are walked with delimited lists, so a bucket is read a folder at a time.
/// </summary>
public sealed class HistoryImporter(IArtifactStore store, IProwJobIndex index)
{
    /// <summary>Deep enough for <c>pr-logs/pull/&lt;org_repo&gt;/&lt;pr&gt;/&lt;job&gt;/&lt;build&gt;</c> under a path prefix.</summary>
    private const int MaxDepth = 8;

    public async Task<HistoryImportResult> ImportAsync(DateTimeOffset? since, Action<string>? progress, CancellationToken cancellationToken)
    {
        var result = new HistoryImportResult();
        foreach (var root in new[] { "logs", "pr-logs/pull" })
        {
            await WalkAsync(root, 0, since, result, progress, cancellationToken);
        }

        return result;
    }

    private async Task WalkAsync(string folder, int depth, DateTimeOffset? since, HistoryImportResult result, Action<string>? progress, CancellationToken cancellationToken)
    {
        var names = await store.ListAsync(folder, cancellationToken);
        if (names.Contains("prowjob.json") || names.Contains("finished.json") || names.Contains("started.json"))
        {
            await ImportBuildAsync(folder, names, since, result, progress, cancellationToken);
            return;
        }

        if (depth >= MaxDepth)
        {
            return;
        }

        foreach (var name in names)
        {
            // Files beside the builds (latest-build.txt) are not folders; listing them finds nothing.
            if (!name.Contains('.', StringComparison.Ordinal))
            {
                await WalkAsync($"{folder}/{name}", depth + 1, since, result, progress, cancellationToken);
            }
        }
    }

    private async Task ImportBuildAsync(string folder, IReadOnlyList<string> names, DateTimeOffset? since, HistoryImportResult result, Action<string>? progress, CancellationToken cancellationToken)
    {
        if (!names.Contains("prowjob.json"))
        {
            result.WithoutProwJob++;
            return;
        }

        ProwJob? job;
        try
        {
            job = JsonSerializer.Deserialize<ProwJob>((await store.ReadAsync($"{folder}/prowjob.json", cancellationToken))!);
        }
        catch (JsonException ex)
        {
            result.Unreadable.Add($"{folder}/prowjob.json: {ex.Message}");
            return;
        }

        if (job is null || job.Id.Length == 0)
        {
            result.Unreadable.Add($"{folder}/prowjob.json: no metadata.name");
            return;
        }

        var started = job.Status.StartTime != default ? job.Status.StartTime : job.Metadata.CreationTimestamp;
        if (since is { } from && started < from)
        {
            result.OlderThanSince++;
            return;
        }

        if (!ProwJobState.IsFinal(job.Status.State) && names.Contains("finished.json") && await ReadFinishedAsync(folder, cancellationToken) is { } finished)
        {
            job = job with { Status = job.Status with { State = finished.State, CompletionTime = finished.At } };
        }

        await index.UpsertAsync(job, cancellationToken);
        result.Imported++;
        progress?.Invoke($"{folder}: {job.Spec.Job} {job.Status.State}");
    }

    private async Task<(string State, DateTimeOffset At)?> ReadFinishedAsync(string folder, CancellationToken cancellationToken)
    {
        try
        {
            using var doc = JsonDocument.Parse((await store.ReadAsync($"{folder}/finished.json", cancellationToken))!);
            var root = doc.RootElement;
            var state = root.TryGetProperty("result", out var r) && r.GetString() is { } text ? text.ToLowerInvariant() : null;
            state = state switch
            {
                ProwJobState.Success or ProwJobState.Failure or ProwJobState.Aborted or ProwJobState.Error => state,
                _ => root.TryGetProperty("passed", out var passed) && passed.ValueKind == JsonValueKind.True ? ProwJobState.Success : ProwJobState.Failure,
            };
            var at = root.TryGetProperty("timestamp", out var t) && t.TryGetInt64(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.UnixEpoch;
            return (state, at);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
