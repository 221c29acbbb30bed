using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Prow.Clients.ObjectStorage;

namespace Prow.Services.Artifacts;

/// <summary>Artifacts in an S3 bucket under a prefix (<c>--artifacts s3://bucket/prefix</c>): AWS S3, MinIO, or GCS through its S3 interoperability endpoint.</summary>
/// <param name="ownsClient">Stores made for other buckets share the client and leave disposing it to the first.</param>
public sealed class S3ArtifactStore(IAmazonS3 s3, S3Path location, bool ownsClient = true) : IArtifactStore, IDisposable
{
    public S3Path Location { get; } = location;

    public IArtifactStore ForBucket(string? bucket) =>
        bucket is not null && bucket.StartsWith(S3Path.Scheme, StringComparison.Ordinal) && bucket[S3Path.Scheme.Length..].TrimEnd('/') is { Length: > 0 } name && name != Location.Bucket
            ? new S3ArtifactStore(s3, Location with { Bucket = name }, ownsClient: false)
            : this;

    public string? FullPath(string path) => $"{S3Path.Scheme}{Location.Bucket}/{Location.KeyFor(path)}";

    public async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(content.ToArray(), writable: false);
        await PutAsync(path, body, cancellationToken);
    }

    public async Task UploadFileAsync(string path, string localFile, CancellationToken cancellationToken)
    {
        await using var body = File.OpenRead(localFile);
        await PutAsync(path, body, cancellationToken);
    }

    public async Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await s3.GetObjectAsync(Location.Bucket, Location.KeyFor(path), cancellationToken);
            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken);
            return buffer.ToArray();
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<long?> SizeAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var metadata = await s3.GetObjectMetadataAsync(Location.Bucket, Location.KeyFor(path), cancellationToken);
            return metadata.ContentLength;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
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
            var request = new GetObjectRequest { BucketName = Location.Bucket, Key = Location.KeyFor(path), ByteRange = new ByteRange(offset, offset + length - 1) };
            using var response = await s3.GetObjectAsync(request, cancellationToken);
            await response.ResponseStream.CopyToAsync(destination, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            // Past the end: nothing to copy, but the file is there.
            return true;
        }
    }

    public async Task<IReadOnlyList<string>> ListAsync(string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var prefix = Location.KeyFor(folder).TrimEnd('/') + "/";
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var request = new ListObjectsV2Request { BucketName = Location.Bucket, Prefix = prefix, Delimiter = "/" };
        do
        {
            var response = await s3.ListObjectsV2Async(request, cancellationToken);
            foreach (var key in (response.S3Objects ?? []).Select(o => o.Key).Concat(response.CommonPrefixes ?? []))
            {
                names.Add(key[prefix.Length..].TrimEnd('/'));
            }

            request.ContinuationToken = response.IsTruncated == true ? response.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);
        return [.. names.Where(n => n.Length > 0)];
    }

    public void Dispose()
    {
        if (ownsClient)
        {
            s3.Dispose();
        }
    }

    private Task PutAsync(string path, Stream body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path.Split('/').Any(part => part is ".."))
        {
            throw new ArgumentException($"Artifact path '{path}' leaves the artifact prefix.", nameof(path));
        }

        return s3.PutObjectAsync(
            new PutObjectRequest
            {
                BucketName = Location.Bucket,
                Key = Location.KeyFor(path),
                InputStream = body,
                AutoCloseStream = false,
                ContentType = path.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "text/plain; charset=utf-8",
            },
            cancellationToken);
    }
}
