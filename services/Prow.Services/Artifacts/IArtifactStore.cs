namespace Prow.Services.Artifacts;

/// <summary>Where job artifacts live (a local folder by default; object storage later). Paths use '/'.</summary>
public interface IArtifactStore
{
    Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Copies a local file (a build log) into the store.</summary>
    Task UploadFileAsync(string path, string localFile, CancellationToken cancellationToken);

    /// <summary>The content, or null when there is none.</summary>
    Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken);

    /// <summary>Names directly under a folder, for listing a build's artifacts.</summary>
    Task<IReadOnlyList<string>> ListAsync(string folder, CancellationToken cancellationToken);
}
