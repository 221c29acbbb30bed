using System.Buffers;

namespace Prow.Gateway;

/// <summary>
/// A request body read into 64 KB segments of the body budget's pool: no array of the body's size exists until its
/// signature has been checked, and a refused body's segments go back to the pool for the next request instead of
/// becoming garbage on the large object heap, so the memory bodies take stays the budget's.
/// </summary>
internal sealed class PooledBody : IDisposable
{
    public const int SegmentSize = 64 * 1024;
    private readonly List<byte[]> _segments = [];
    private readonly ArrayPool<byte> _pool;

    private PooledBody(ArrayPool<byte> pool) => _pool = pool;

    public long Length { get; private set; }

    /// <summary>Reads the whole body; <see cref="InvalidDataException"/> past <paramref name="maxBytes"/>.</summary>
    public static async Task<PooledBody> ReadAsync(Stream body, ArrayPool<byte> pool, long maxBytes, CancellationToken cancellationToken)
    {
        var read = new PooledBody(pool);
        try
        {
            while (true)
            {
                var offset = (int)(read.Length % SegmentSize);
                if (offset == 0)
                {
                    read._segments.Add(pool.Rent(SegmentSize));
                }

                var count = await body.ReadAsync(read._segments[^1].AsMemory(offset, SegmentSize - offset), cancellationToken);
                if (count == 0)
                {
                    return read;
                }

                read.Length += count;
                if (read.Length > maxBytes)
                {
                    throw new InvalidDataException("payload too large");
                }
            }
        }
        catch
        {
            read.Dispose();
            throw;
        }
    }

    /// <summary>The body's bytes in order, one span per segment.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Segments()
    {
        var left = Length;
        foreach (var segment in _segments)
        {
            if (left <= 0)
            {
                yield break;
            }

            var count = (int)Math.Min(left, SegmentSize);
            yield return segment.AsMemory(0, count);
            left -= count;
        }
    }

    public ReadOnlySequence<byte> AsSequence()
    {
        Segment? first = null;
        Segment? last = null;
        foreach (var memory in Segments())
        {
            last = last is null ? first = new Segment(memory, 0) : last.Append(memory);
        }

        return first is null ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(first, 0, last!, last!.Memory.Length);
    }

    public byte[] ToArray()
    {
        var array = new byte[Length];
        var filled = 0;
        foreach (var memory in Segments())
        {
            memory.Span.CopyTo(array.AsSpan(filled));
            filled += memory.Length;
        }

        return array;
    }

    public void Dispose()
    {
        foreach (var segment in _segments)
        {
            _pool.Return(segment);
        }

        _segments.Clear();
        Length = 0;
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
