namespace Prow.Services.Artifacts;

/// <summary>Where job artifacts live: a local folder by default, or a GCS or S3 bucket under a prefix. Paths use '/'.</summary>
public interface IArtifactStore
{
    Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Copies a local file (a build log) into the store.</summary>
    Task UploadFileAsync(string path, string localFile, CancellationToken cancellationToken);

    /// <summary>The content, or null when there is none.</summary>
    Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken);

    /// <summary>A stored file's size in bytes; null when there is no such file (a folder is not one).</summary>
    Task<long?> SizeAsync(string path, CancellationToken cancellationToken);

    /// <summary>
    /// Copies <paramref name="length"/> bytes of a stored file from <paramref name="offset"/> (fewer at its end) into
    /// <paramref name="destination"/> as they arrive, so no caller holds a whole file; false when there is no such file.
    /// </summary>
    Task<bool> CopyRangeToAsync(string path, long offset, long length, Stream destination, CancellationToken cancellationToken);

    /// <summary>Names directly under a folder, for listing a build's artifacts.</summary>
    Task<IReadOnlyList<string>> ListAsync(string folder, CancellationToken cancellationToken);

    /// <summary>
    /// The same store on the bucket a job's <c>gcs_configuration.bucket</c> names (<c>gs://b</c>, <c>s3://b</c> or a
    /// bare name meaning GCS), keeping this store's prefix; this store itself when the bucket is null, of another
    /// provider than this store's, or when the store is a folder.
    /// </summary>
    IArtifactStore ForBucket(string? bucket);

    /// <summary>A path's full address as Prow writes it in an alias (<c>gs://bucket/prefix/path</c>); null for a folder, where Prow writes no alias.</summary>
    string? FullPath(string path);
}
