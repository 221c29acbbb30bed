using System.Text;

namespace Prow.Web.Logs;

/// <summary>
/// Splits a stream of log bytes into lines as they are written to it, keeping at most
/// <see cref="BuildLogParser.DisplayLengthMax"/> bytes of any one line, so a log of any size passes through in bounded
/// memory. Each complete line goes to <c>onLine</c> with its byte offset; <see cref="Finish"/> gives the last one
/// when the bytes do not end in a newline.
/// </summary>
internal sealed class LogLineSplitter(long startOffset, Action<RawLogLine> onLine) : Stream
{
    private readonly byte[] _kept = new byte[BuildLogParser.DisplayLengthMax];
    private int _keptLength;
    private long _lineStart = startOffset;
    private long _position = startOffset;

    /// <summary>Where the bytes written so far end.</summary>
    public long End => _position;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var newline = buffer.IndexOf((byte)'\n');
            if (newline < 0)
            {
                Keep(buffer);
                _position += buffer.Length;
                return;
            }

            Keep(buffer[..newline]);
            _position += newline + 1;
            onLine(Take(_position - 1));
            _lineStart = _position;
            buffer = buffer[(newline + 1)..];
        }
    }

    /// <summary>The unterminated last line, if any bytes follow the last newline.</summary>
    public RawLogLine? Finish() => _position > _lineStart ? Take(_position) : null;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        var room = Math.Min(bytes.Length, _kept.Length - _keptLength);
        bytes[..room].CopyTo(_kept.AsSpan(_keptLength));
        _keptLength += room;
    }

    private RawLogLine Take(long end)
    {
        var length = end - _lineStart;
        var line = new RawLogLine(_lineStart, length, Encoding.UTF8.GetString(_kept, 0, _keptLength), length > _keptLength);
        _keptLength = 0;
        return line;
    }
}
