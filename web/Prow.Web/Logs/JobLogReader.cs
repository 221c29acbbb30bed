using Prow.GrainInterfaces.ProwJobs;
using Prow.Services.Artifacts;
using Prow.Services.Configuration;
using Prow.Web.Lenses;

namespace Prow.Web.Logs;

/// <summary>
/// A job's artifacts and build log, read through <see cref="IArtifactStore"/> (a folder or object storage) by range,
/// so no file is ever held whole.
/// </summary>
public sealed class JobLogReader(IArtifactStore store, IConfigSource config)
{
    public const string BuildLogName = "build-log.txt";

    public static string ArtifactUrl(string jobId, string name) =>
        $"/artifact?prowjob={Uri.EscapeDataString(jobId)}&name={Uri.EscapeDataString(name)}";

    /// <summary>
    /// A name relative to the job's build folder that stays inside it: slash-separated, no empty, <c>.</c> or
    /// <c>..</c> part, no backslash.
    /// </summary>
    public static bool IsArtifactName(string? name) =>
        !string.IsNullOrEmpty(name) && !name.Contains('\\', StringComparison.Ordinal)
        && name.Split('/').All(part => part.Length > 0 && part is not "." and not "..");

    public async Task<IReadOnlyList<string>> ListArtifactsAsync(ProwJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Status.BuildId is null ? [] : await ArtifactLayout.StoreFor(store, job).ListAsync(ArtifactLayout.BuildFolder(job), cancellationToken);
    }

    /// <summary>Every file of the job's build folder with its size (at most <see cref="ArtifactTree.FilesMax"/>).</summary>
    public async Task<IReadOnlyList<ArtifactFile>> ListArtifactFilesAsync(ProwJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Status.BuildId is null ? [] : await ArtifactTree.ListAsync(ArtifactLayout.StoreFor(store, job), ArtifactLayout.BuildFolder(job), cancellationToken);
    }

    /// <summary>The lenses <c>deck.spyglass.lenses</c> configures, or <see cref="LensEntry.Defaults"/> when it names none.</summary>
    public IReadOnlyList<LensEntry> Lenses()
    {
        var configured = LensEntry.Read(config.Current.Prow.Deck.Spyglass.Lenses);
        return configured.Count > 0 ? configured : LensEntry.Defaults;
    }

    /// <summary>The junit lens over the given files of the job; files that do not parse are named in the report.</summary>
    public async Task<JUnitReport> ReadJUnitAsync(ProwJob job, IReadOnlyList<ArtifactFile> files, CancellationToken cancellationToken)
    {
        var tests = new List<JUnitTest>();
        var unreadable = new List<string>();
        foreach (var file in files)
        {
            if (Locate(job, file.Name) is not { } at)
            {
                continue;
            }

            try
            {
                tests.AddRange(await JUnitFileReader.ReadAsync(at.Store, at.Path, file.Name, cancellationToken));
            }
            catch (Exception ex) when (ex is System.Xml.XmlException or IOException)
            {
                unreadable.Add($"{file.Name}: {ex.Message}");
            }
        }

        return new JUnitReport([.. tests.OrderBy(t => t.Outcome)], unreadable);
    }

    /// <summary>The store and path of one of the job's artifacts; null when the job has no build folder yet or the name is not one.</summary>
    public (IArtifactStore Store, string Path)? Locate(ProwJob job, string name)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Status.BuildId is null || !IsArtifactName(name) ? null : (ArtifactLayout.StoreFor(store, job), $"{ArtifactLayout.BuildFolder(job)}/{name}");
    }

    /// <summary>The buildlog lens's first view of the job's log; null when there is none.</summary>
    public async Task<BuildLogView?> ViewBuildLogAsync(ProwJob job, CancellationToken cancellationToken)
    {
        return Locate(job, BuildLogName) is { } at
            ? await BuildLogScanner.ViewAsync(at.Store, at.Path, BuildLogName, LensConfig(), cancellationToken)
            : null;
    }

    /// <summary>A skipped group of the job's log, fetched; null when the log is not there.</summary>
    public async Task<IReadOnlyList<LogGroup>?> ExpandBuildLogAsync(ProwJob job, LogGroup skipped, ExpandMode mode, CancellationToken cancellationToken)
    {
        return Locate(job, BuildLogName) is { } at
            ? await BuildLogExpansion.ExpandAsync(at.Store, at.Path, skipped, mode, LensConfig(), cancellationToken)
            : null;
    }

    private (IReadOnlyList<object?> Lenses, BuildLogLensConfig Compiled)? _lensConfig;

    /// <summary>Compiled once per configuration (the highlight regexes of a real config are dozens).</summary>
    private BuildLogLensConfig LensConfig()
    {
        var lenses = config.Current.Prow.Deck.Spyglass.Lenses;
        if (_lensConfig is { } cached && ReferenceEquals(cached.Lenses, lenses))
        {
            return cached.Compiled;
        }

        var compiled = BuildLogLensConfig.From(LensEntry.Read(lenses));
        _lensConfig = (lenses, compiled);
        return compiled;
    }
}
