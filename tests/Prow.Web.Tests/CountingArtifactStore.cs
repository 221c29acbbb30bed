using Prow.Services.Artifacts;

namespace Prow.Web.Tests;

/// <summary>A real store that counts every byte read from it, whole or by range.</summary>
internal sealed class CountingArtifactStore(IArtifactStore inner) : IArtifactStore
{
    private long _bytesRead;

    public long BytesRead => Interlocked.Read(ref _bytesRead);

    public Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => inner.WriteAsync(path, content, cancellationToken);

    public Task UploadFileAsync(string path, string localFile, CancellationToken cancellationToken) => inner.UploadFileAsync(path, localFile, cancellationToken);

    public async Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var content = await inner.ReadAsync(path, cancellationToken);
        Interlocked.Add(ref _bytesRead, content?.Length ?? 0);
        return content;
    }

    public Task<long?> SizeAsync(string path, CancellationToken cancellationToken) => inner.SizeAsync(path, cancellationToken);

    public async Task<bool> CopyRangeToAsync(string path, long offset, long length, Stream destination, CancellationToken cancellationToken)
    {
        var counting = new CountingStream(destination);
        var found = await inner.CopyRangeToAsync(path, offset, length, counting, cancellationToken);
        Interlocked.Add(ref _bytesRead, counting.Written);
        return found;
    }

    public Task<IReadOnlyList<string>> ListAsync(string folder, CancellationToken cancellationToken) => inner.ListAsync(folder, cancellationToken);

    public IArtifactStore ForBucket(string? bucket) => this;

    public string? FullPath(string path) => inner.FullPath(path);

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Written; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Written += buffer.Length;
            inner.Write(buffer);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Written += buffer.Length;
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
