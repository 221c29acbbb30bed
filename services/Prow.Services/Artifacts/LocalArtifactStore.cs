namespace Prow.Services.Artifacts;

/// <summary>Artifacts in a local folder (<c>--artifacts DIR</c>, default <c>./.prow/artifacts</c>). Writes are atomic (temp file, then rename).</summary>
public sealed class LocalArtifactStore(string root) : IArtifactStore
{
    public string Root { get; } = Path.GetFullPath(root);

    public async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var target = Resolve(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = target + ".tmp-" + Guid.NewGuid().ToString("N");
        await File.WriteAllBytesAsync(temp, content.ToArray(), cancellationToken);
        File.Move(temp, target, overwrite: true);
    }

    public Task UploadFileAsync(string path, string localFile, CancellationToken cancellationToken)
    {
        var target = Resolve(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(localFile, target, overwrite: true);
        return Task.CompletedTask;
    }

    /// <summary>A folder has no buckets: every job's artifacts are under the one root.</summary>
    public IArtifactStore ForBucket(string? bucket) => this;

    public string? FullPath(string path) => null;

    public async Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var target = Resolve(path);
        return File.Exists(target) ? await File.ReadAllBytesAsync(target, cancellationToken) : null;
    }

    public Task<long?> SizeAsync(string path, CancellationToken cancellationToken)
    {
        var file = new FileInfo(Resolve(path));
        return Task.FromResult(file.Exists ? file.Length : (long?)null);
    }

    public async Task<bool> CopyRangeToAsync(string path, long offset, long length, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var target = Resolve(path);
        if (!File.Exists(target))
        {
            return false;
        }

        await using var file = new FileStream(target, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        file.Seek(Math.Min(offset, file.Length), SeekOrigin.Begin);
        var buffer = new byte[(int)Math.Clamp(length, 1, 81920)];
        var left = length;
        while (left > 0)
        {
            var read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), cancellationToken);
            if (read == 0)
            {
                break;
            }

            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            left -= read;
        }

        return true;
    }

    public Task<IReadOnlyList<string>> ListAsync(string folder, CancellationToken cancellationToken)
    {
        var target = Resolve(folder);
        IReadOnlyList<string> names = Directory.Exists(target)
            ? [.. Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)]
            : [];
        return Task.FromResult(names);
    }

    /// <summary>Maps a store path to a file under the root, refusing anything that would leave it.</summary>
    private string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(Path.Combine(Root, path.TrimStart('/')));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Artifact path '{path}' leaves the artifact folder.", nameof(path));
        }

        return full;
    }
}
