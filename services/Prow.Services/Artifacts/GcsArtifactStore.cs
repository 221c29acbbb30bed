using System.Net;
using Google;
using Google.Cloud.Storage.V1;
using Prow.Clients.ObjectStorage;

namespace Prow.Services.Artifacts;

/// <summary>Artifacts in a Google Cloud Storage bucket under a prefix (<c>--artifacts gs://bucket/prefix</c>), through the JSON API.</summary>
/// <param name="ownsClient">Stores made for other buckets share the client and leave disposing it to the first.</param>
public sealed class GcsArtifactStore(StorageClient gcs, GcsPath location, bool ownsClient = true) : IArtifactStore, IDisposable
{
    public GcsPath Location { get; } = location;

    public IArtifactStore ForBucket(string? bucket)
    {
        if (bucket is null || (bucket.Contains("://", StringComparison.Ordinal) && !GcsPath.IsGcs(bucket)))
        {
            return this;
        }

        var name = (GcsPath.IsGcs(bucket) ? bucket[GcsPath.Scheme.Length..] : bucket).TrimEnd('/');
        return name.Length == 0 || name == Location.Bucket ? this : new GcsArtifactStore(gcs, Location with { Bucket = name }, ownsClient: false);
    }

    public string? FullPath(string path) => $"{GcsPath.Scheme}{Location.Bucket}/{Location.ObjectFor(path)}";

    public async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(content.ToArray(), writable: false);
        await UploadAsync(path, body, cancellationToken);
    }

    public async Task UploadFileAsync(string path, string localFile, CancellationToken cancellationToken)
    {
        await using var body = File.OpenRead(localFile);
        await UploadAsync(path, body, cancellationToken);
    }

    public async Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            using var buffer = new MemoryStream();
            await gcs.DownloadObjectAsync(Location.Bucket, Location.ObjectFor(path), buffer, cancellationToken: cancellationToken);
            return buffer.ToArray();
        }
        catch (GoogleApiException ex) when (ex.HttpStatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<long?> SizeAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var stored = await gcs.GetObjectAsync(Location.Bucket, Location.ObjectFor(path), cancellationToken: cancellationToken);
            return (long?)stored.Size;
        }
        catch (GoogleApiException ex) when (ex.HttpStatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<bool> CopyRangeToAsync(string path, long offset, long length, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (length == 0)
        {
            return await SizeAsync(path, cancellationToken) is not null;
        }

        try
        {
            var range = new System.Net.Http.Headers.RangeHeaderValue(offset, offset + length - 1);
            await gcs.DownloadObjectAsync(Location.Bucket, Location.ObjectFor(path), destination, new DownloadObjectOptions { Range = range }, cancellationToken);
            return true;
        }
        catch (GoogleApiException ex) when (ex.HttpStatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
        catch (GoogleApiException ex) when (ex.HttpStatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            // Past the end: nothing to copy, but the file is there.
            return true;
        }
    }

    public async Task<IReadOnlyList<string>> ListAsync(string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var prefix = Location.ObjectFor(folder).TrimEnd('/') + "/";
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var pages = gcs.ListObjectsAsync(Location.Bucket, prefix, new ListObjectsOptions { Delimiter = "/" }).AsRawResponses();
        await foreach (var page in pages.WithCancellation(cancellationToken))
        {
            foreach (var name in (page.Items ?? []).Select(o => o.Name).Concat(page.Prefixes ?? []))
            {
                names.Add(name[prefix.Length..].TrimEnd('/'));
            }
        }

        return [.. names.Where(n => n.Length > 0)];
    }

    public void Dispose()
    {
        if (ownsClient)
        {
            gcs.Dispose();
        }
    }

    private Task UploadAsync(string path, Stream body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path.Split('/').Any(part => part is ".."))
        {
            throw new ArgumentException($"Artifact path '{path}' leaves the artifact prefix.", nameof(path));
        }

        var contentType = path.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "text/plain; charset=utf-8";
        return gcs.UploadObjectAsync(Location.Bucket, Location.ObjectFor(path), contentType, body, cancellationToken: cancellationToken);
    }
}
