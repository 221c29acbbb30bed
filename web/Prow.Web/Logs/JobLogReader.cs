using System.Text;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Services.Artifacts;
using Prow.Services.Configuration;

namespace Prow.Web.Logs;

/// <summary>A job's artifacts and build log, read through <see cref="IArtifactStore"/> (a folder or object storage).</summary>
public sealed class JobLogReader(IArtifactStore store, IConfigSource config)
{
    public const string BuildLogName = "build-log.txt";

    public static string ArtifactUrl(string jobId, string name) =>
        $"/artifact?prowjob={Uri.EscapeDataString(jobId)}&name={Uri.EscapeDataString(name)}";

    public async Task<IReadOnlyList<string>> ListArtifactsAsync(ProwJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Status.BuildId is null ? [] : await ArtifactLayout.StoreFor(store, job).ListAsync(ArtifactLayout.BuildFolder(job), cancellationToken);
    }

    /// <summary>One artifact's bytes, only when it is listed in the job's build folder (no path escapes it).</summary>
    public async Task<byte[]?> ReadArtifactAsync(ProwJob job, string name, CancellationToken cancellationToken)
    {
        var names = await ListArtifactsAsync(job, cancellationToken);
        return names.Contains(name, StringComparer.Ordinal) ? await ArtifactLayout.StoreFor(store, job).ReadAsync($"{ArtifactLayout.BuildFolder(job)}/{name}", cancellationToken) : null;
    }

    /// <summary>The stored build log parsed for display, cut at spyglass's size limit; null when there is none.</summary>
    public async Task<JobLog?> ReadBuildLogAsync(ProwJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Status.BuildId is null || await ArtifactLayout.StoreFor(store, job).ReadAsync($"{ArtifactLayout.BuildFolder(job)}/{BuildLogName}", cancellationToken) is not { } bytes)
        {
            return null;
        }

        var limit = (int)Math.Min(int.MaxValue, Math.Max(1, config.Current.Prow.Deck.Spyglass.SizeLimit));
        var truncated = bytes.Length > limit;
        var text = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, limit));
        var lines = BuildLogParser.Parse(text);
        return new JobLog(truncated && lines.Count > 1 ? lines.Take(lines.Count - 1).ToList() : lines, truncated);
    }
}
